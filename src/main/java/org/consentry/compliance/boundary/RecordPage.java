package org.consentry.compliance.boundary;

import java.util.List;
import java.util.ResourceBundle;
import org.consentry.compliance.control.PersonalDataMap;
import org.consentry.compliance.control.RecordsOfProcessing;
import org.consentry.notice.entity.CategoryNotice;

/**
 * The record of processing as a printable page: plain HTML, one stylesheet of this origin (the
 * Content-Security-Policy allows no inline style), every value escaped.
 */
final class RecordPage {

    private final StringBuilder html = new StringBuilder(16_384);
    private final ResourceBundle texts;

    private RecordPage(ResourceBundle texts) {
        this.texts = texts;
    }

    static String of(RecordsOfProcessing.Record record) {
        return new RecordPage(RecordsOfProcessing.texts(record.language())).render(record);
    }

    private String render(RecordsOfProcessing.Record r) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(esc(r.language())).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(r.title())).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"../../console/css/records.css\"></head><body>\n");
        html.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"generated\">").append(text("generated"))
                .append(" <time>").append(esc(r.generatedAt().toString())).append("</time></p>\n<dl>");
        entry("controller", r.controller().name() + " <" + r.controller().contact() + ">");
        entry("dpo", r.dpoContact() == null ? texts.getString("not-set") : r.dpoContact());
        entry("data-subjects", r.dataSubjects());
        entry("transfers", r.transfers());
        html.append("</dl>\n<h2>").append(text("activities")).append("</h2>\n");
        for (RecordsOfProcessing.Activity a : r.activities()) {
            html.append("<section class=\"activity\" id=\"purpose-").append(esc(a.purpose())).append("\"><h3>")
                    .append(esc(a.purpose())).append("</h3><p>").append(esc(a.description())).append("</p><dl>");
            entry("lawful-basis", a.lawfulBasis() + " (" + a.legalReference() + ")");
            entry("categories", String.join(", ", a.categories()));
            html.append("<dt>").append(text("recipients")).append("</dt><dd>");
            list(a.recipients());
            html.append("</dd><dt>").append(text("guarded")).append("</dt><dd>");
            list(a.guardedOperations());
            html.append("</dd></dl></section>\n");
        }
        html.append("<h2>").append(text("retention")).append("</h2>\n<table class=\"retention\"><tbody>");
        for (CategoryNotice c : r.categories()) {
            html.append("<tr><th>").append(esc(c.id())).append("</th><td>").append(esc(c.description())).append("</td><td>")
                    .append(esc(c.retentionText())).append("</td><td><code>").append(esc(c.retention())).append(' ')
                    .append(esc(c.retentionAction())).append("</code></td></tr>");
        }
        html.append("</tbody></table>\n<h2>").append(text("stored")).append("</h2>\n<table class=\"storage\"><tbody>");
        for (PersonalDataMap.Place p : r.storage()) {
            html.append("<tr><th>").append(esc(p.category())).append("</th><td><code>").append(esc(p.table())).append('.')
                    .append(esc(p.column())).append("</code></td><td>").append(esc(p.entity())).append("</td><td>")
                    .append(text(p.sealed() ? "sealed" : "clear")).append("</td></tr>");
        }
        html.append("</tbody></table>\n<h2>").append(text("security")).append("</h2>\n");
        list(r.securityMeasures());
        if (!r.gaps().isEmpty()) {
            html.append("<h2 class=\"gaps\">").append(text("gaps")).append("</h2>\n<div class=\"gaps\">");
            list(r.gaps());
            html.append("</div>");
        }
        return html.append("\n</body></html>\n").toString();
    }

    private void entry(String key, String value) {
        html.append("<dt>").append(text(key)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private void list(List<String> items) {
        html.append("<ul>");
        items.forEach(item -> html.append("<li>").append(esc(item)).append("</li>"));
        html.append("</ul>");
    }

    private String text(String key) {
        return esc(texts.getString(key));
    }

    static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
