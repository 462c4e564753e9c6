package org.consentry.testing.evidence;

import java.util.stream.Collectors;
import org.consentry.testing.evidence.Evidence.DutyEvidence;
import org.consentry.testing.evidence.Evidence.TestEvidence;

/** The report as JSON, for tools: written by hand, as the build's test classpath need not hold a JSON writer. */
final class EvidenceJson {

    private EvidenceJson() {
    }

    static String of(Evidence evidence) {
        BuildFacts build = evidence.build();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"commit\": ").append(string(build.commit())).append(",\n");
        json.append("  \"database\": ").append(string(build.database())).append(",\n");
        json.append("  \"generatedAt\": ").append(string(build.generatedAt().toString())).append(",\n");
        json.append("  \"resultsSince\": ").append(string(build.since().toString())).append(",\n");
        json.append("  \"totals\": {\"duties\": ").append(evidence.duties().size())
                .append(", \"green\": ").append(evidence.duties().size() - evidence.red().size())
                .append(", \"red\": ").append(evidence.red().size())
                .append(", \"tests\": ").append(evidence.tests());
        for (Outcome outcome : Outcome.values()) {
            json.append(", ").append(string(outcome.word())).append(": ").append(evidence.tests(outcome));
        }
        json.append("},\n  \"duties\": [\n");
        json.append(evidence.duties().stream().map(EvidenceJson::duty).collect(Collectors.joining(",\n")));
        return json.append("\n  ]\n}\n").toString();
    }

    private static String duty(DutyEvidence d) {
        return "    {\"id\": " + string(d.duty().name()) + ", \"label\": " + string(d.duty().label())
                + ", \"title\": {\"en\": " + string(d.duty().titleEn()) + ", \"pl\": " + string(d.duty().titlePl()) + "}"
                + ", \"status\": " + string(d.green() ? "green" : "red") + ", \"tests\": ["
                + d.tests().stream().map(EvidenceJson::test).collect(Collectors.joining(", ")) + "]}";
    }

    private static String test(TestEvidence t) {
        return "{\"class\": " + string(t.test().className()) + ", \"method\": " + string(t.test().method())
                + ", \"result\": " + string(t.outcome().word()) + ", \"runs\": " + t.runs() + "}";
    }

    /** A JSON string: quotes, backslashes and every control character escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
