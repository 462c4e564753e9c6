package org.consentry.testing.evidence;

import org.consentry.testing.evidence.Evidence.DutyEvidence;
import org.consentry.testing.evidence.Evidence.TestEvidence;

/**
 * The report as one self-contained HTML page (no script, no external file), readable on screen and on
 * paper. Every value is escaped: test names and commits are data, not markup.
 */
final class EvidenceHtml {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.5em}table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}
            .green{background:#dff0d8}.red{background:#f2dede}
            .status{font-weight:bold;white-space:nowrap}
            ul{margin:0;padding-left:1.2em}code{font-size:.9em}
            .passed{color:#1b5e20}.failed,.errored{color:#b71c1c;font-weight:bold}.skipped,.not-run{color:#666}
            @media print{body{margin:0}tr{break-inside:avoid}.green,.red{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    private EvidenceHtml() {
    }

    static String of(Evidence evidence) {
        BuildFacts build = evidence.build();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Consentry compliance evidence</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Consentry compliance evidence / Dowody zgodności</h1>\n<p>")
                .append(evidence.duties().size() - evidence.red().size()).append(" of ").append(evidence.duties().size())
                .append(" duties proven by a passing test; ").append(evidence.tests()).append(" tagged tests: ");
        for (Outcome outcome : Outcome.values()) {
            html.append(evidence.tests(outcome)).append(' ').append(outcome.word())
                    .append(outcome == Outcome.NOT_RUN ? ".</p>\n" : ", ");
        }
        html.append("<table>\n<tr><th>Commit</th><td><code>").append(escape(build.commit())).append("</code></td></tr>\n")
                .append("<tr><th>Database</th><td>").append(escape(build.database())).append("</td></tr>\n")
                .append("<tr><th>Generated</th><td>").append(escape(build.generatedAt().toString())).append("</td></tr>\n")
                .append("<tr><th>Results written since</th><td>").append(escape(build.since().toString())).append("</td></tr>\n")
                .append("</table>\n<h2>Duties / Obowiązki</h2>\n<table>\n")
                .append("<tr><th>Status</th><th>Duty</th><th>English</th><th>Polski</th><th>Tests and results</th></tr>\n");
        evidence.duties().forEach(d -> html.append(row(d)));
        return html.append("</table>\n<p>A duty is green only with at least one passing test and none failing; ")
                .append("a skipped test or one not run in this build proves nothing.</p>\n</body>\n</html>\n").toString();
    }

    private static String row(DutyEvidence d) {
        String status = d.green() ? "green" : "red";
        StringBuilder row = new StringBuilder("<tr class=\"").append(status).append("\" id=\"").append(escape(d.duty().name()))
                .append("\"><td class=\"status\">").append(d.green() ? "&#10003; proven" : "&#10007; not proven")
                .append("</td><td>").append(escape(d.duty().label())).append("</td><td>").append(escape(d.duty().titleEn()))
                .append("</td><td lang=\"pl\">").append(escape(d.duty().titlePl())).append("</td><td>");
        if (d.tests().isEmpty()) {
            return row.append("no test</td></tr>\n").toString();
        }
        row.append("<ul>");
        for (TestEvidence t : d.tests()) {
            row.append("<li><code title=\"").append(escape(t.test().className())).append("\">")
                    .append(escape(t.test().display())).append("</code> <span class=\"")
                    .append(t.outcome().word().replace(' ', '-')).append("\">").append(escape(t.outcome().word()))
                    .append("</span>").append(t.runs() > 1 ? " (" + t.runs() + " runs)" : "").append("</li>");
        }
        return row.append("</ul></td></tr>\n").toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
