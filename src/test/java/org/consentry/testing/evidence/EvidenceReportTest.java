package org.consentry.testing.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceReportTest {

    static final Instant SINCE = Instant.parse("2026-11-29T12:00:00Z");

    /** A class-level tag: every test method of the class proves Art. 17. */
    @Proves(Duty.GDPR_17)
    static class ErasureFixture {
        @Test
        void erases() {
        }

        @Test
        void failsHalfWay() {
        }
    }

    static class RightsFixture {
        @Test
        @Proves(Duty.GDPR_15)
        void exports() {
        }

        @Test
        @Proves({Duty.GDPR_16, Duty.GDPR_19})
        void rectifies() {
        }

        @Test
        @Proves(Duty.GDPR_20)
        void stale() {
        }

        @Test
        @Proves(Duty.GDPR_32)
        void sealsEachValue() {
        }

        @Test
        @Proves(Duty.GDPR_25)
        void neverReported() {
        }

        @Test
        void untagged() {
        }
    }

    @TempDir
    Path target;

    @Test
    void eachDutyShowsItsTestsResultsAndIsGreenOnlyWithAPassAndNoFailure() throws Exception {
        JsonObject json = generate();
        Map<String, JsonObject> duties = json.getJsonArray("duties").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(d -> d.getString("id"), d -> d));
        assertEquals(Duty.values().length, duties.size(), "every duty is listed, tested or not");

        assertEquals("red", duties.get("GDPR_17").getString("status"), "one pass does not outweigh a failure");
        assertEquals(Map.of("erases", "passed", "failsHalfWay", "failed"), results(duties.get("GDPR_17")));
        assertEquals("green", duties.get("GDPR_15").getString("status"));
        assertEquals(Map.of("exports", "passed"), results(duties.get("GDPR_15")));
        assertEquals("red", duties.get("GDPR_16").getString("status"), "skipped proves nothing");
        assertEquals(Map.of("rectifies", "skipped"), results(duties.get("GDPR_19")));
        assertEquals(Map.of("stale", "not run"), results(duties.get("GDPR_20")), "a report older than the build is not run");
        assertEquals("red", duties.get("GDPR_20").getString("status"));
        assertEquals("green", duties.get("GDPR_32").getString("status"));
        assertEquals(2, duties.get("GDPR_32").getJsonArray("tests").getJsonObject(0).getInt("runs"), "both parameterized runs");
        assertEquals(Map.of("neverReported", "not run"), results(duties.get("GDPR_25")));
        assertEquals("red", duties.get("GDPR_30").getString("status"));
        assertTrue(duties.get("GDPR_30").getJsonArray("tests").isEmpty(), "a duty with no test");
        assertFalse(json.toString().contains("untagged"), "an untagged test is no evidence");

        assertEquals("Minimalizacja danych", duties.get("GDPR_5_1_C").getJsonObject("title").getString("pl"));
        assertEquals("GDPR Art. 5(1)(c)", duties.get("GDPR_5_1_C").getString("label"));
        assertEquals("postgres", json.getString("database"));
        assertEquals(SINCE.toString(), json.getString("resultsSince"));
        assertFalse(json.getString("commit").isBlank());
        JsonObject totals = json.getJsonObject("totals");
        assertEquals(2, totals.getInt("green"));
        assertEquals(Duty.values().length - 2, totals.getInt("red"));
        assertEquals(7, totals.getInt("tests"));
        assertEquals(3, totals.getInt("passed"));
        assertEquals(1, totals.getInt("failed"));
    }

    @Test
    void theBuildFailureNamesWhatKeptEachDutyRed() throws Exception {
        generate();
        Evidence evidence = Evidence.of(new BuildFacts("c", "derby", SINCE, SINCE),
                TaggedTests.of(List.of(ErasureFixture.class, RightsFixture.class)),
                JUnitReports.read(List.of(target.resolve("surefire-reports"), target.resolve("failsafe-reports")), SINCE));
        String summary = EvidenceReport.redSummary(evidence);
        assertTrue(summary.contains("GDPR Art. 17: EvidenceReportTest$ErasureFixture.failsHalfWay failed;"), summary);
        assertTrue(summary.contains("GDPR Art. 20: EvidenceReportTest$RightsFixture.stale not run;"), summary);
        assertTrue(summary.contains("GDPR Art. 30: no test;"), summary);
        assertFalse(summary.contains("GDPR Art. 15") || summary.contains("erases"), summary);
    }

    @Test
    void theHtmlIsSelfContainedEscapedAndBilingual() throws Exception {
        generate();
        String html = Files.readString(target.resolve("compliance-evidence.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Minimalizacja danych") && html.contains("Data minimisation"));
        assertTrue(html.contains("<tr class=\"red\" id=\"GDPR_17\">"), "a failing test makes its duty red");
        assertTrue(html.contains("<tr class=\"green\" id=\"GDPR_15\">"));
        assertTrue(html.contains("EvidenceReportTest$RightsFixture.exports</code> <span class=\"passed\">passed</span>"));
        assertTrue(html.contains("<span class=\"not-run\">not run</span>"));
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), "nothing loaded from elsewhere");
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", EvidenceHtml.escape("a <b> & \"c\" 'd'"));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", EvidenceJson.string("a\"b\\c\n\u0001"));
    }

    @Test
    void aCompleteRunFailsOnADutyWithoutAPassingTestAndWritesTheReportFirst() throws Exception {
        reports();
        IllegalStateException red = assertThrows(IllegalStateException.class, () -> EvidenceReport.main(args("compliance.evidence.strict=true")));
        assertTrue(red.getMessage().contains("GDPR Art. 30: no test"), red::getMessage);
        assertTrue(red.getMessage().contains("GDPR Art. 33: no test"), red::getMessage);
        assertTrue(Files.exists(target.resolve("compliance-evidence.html")));
        assertTrue(Files.exists(target.resolve("compliance-evidence.json")));
    }

    @Test
    void runsThatSelectOrSkipTestsOrTurnItOffNeverFail() throws Exception {
        reports();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            for (String relaxing : List.of("compliance.evidence.strict=false", "test=ErasureViewTest", "it.test=ErasureIT",
                    "skipTests=true", "skipITs=true", "skipUnitTests=true", "maven.test.skip=true")) {
                EvidenceReport.main(args("compliance.evidence.strict=true", relaxing));
            }
        } finally {
            System.setOut(console);
        }
        String said = printed.toString(StandardCharsets.UTF_8);
        for (String why : List.of("compliance.evidence.strict is not true", "-Dtest selects", "-Dit.test selects",
                "-DskipTests skips", "-DskipITs skips", "-DskipUnitTests skips", "-Dmaven.test.skip skips")) {
            assertTrue(said.contains("(not failing the build: " + why), why);
        }
        assertNull(Strictness.relaxedBecause(EvidenceReport.options(args("compliance.evidence.strict=true",
                "test=${test}", "it.test=${it.test}", "skipTests=${skipTests}", "skipITs=false", "skipUnitTests=false"))),
                "properties Maven left undefined select nothing");
    }

    private String[] args(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("target=" + target, "testClasses=" + target.resolve("no-classes"),
                "basedir=" + target, "since=" + SINCE, "db=derby"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private JsonObject generate() throws IOException {
        reports();
        Evidence evidence = Evidence.of(new BuildFacts(BuildFacts.commitOf(target), "postgres", SINCE.plusSeconds(60), SINCE),
                TaggedTests.of(List.of(ErasureFixture.class, RightsFixture.class)),
                JUnitReports.read(List.of(target.resolve("surefire-reports"), target.resolve("failsafe-reports")), SINCE));
        EvidenceReport.write(evidence, target);
        try (var reader = Json.createReader(new StringReader(Files.readString(target.resolve("compliance-evidence.json"))))) {
            return reader.readObject();
        }
    }

    private void reports() throws IOException {
        String erasure = ErasureFixture.class.getName();
        String rights = RightsFixture.class.getName();
        report("surefire-reports", "TEST-unit.xml", SINCE.plusSeconds(5), """
                <testsuite name="unit">
                  <testcase name="erases" classname="%1$s" time="0.1"/>
                  <testcase name="failsHalfWay" classname="%1$s" time="0.1"><failure message="expected 1">trace</failure></testcase>
                  <testcase name="exports" classname="%2$s" time="0.1"/>
                  <testcase name="untagged" classname="%2$s" time="0.1"/>
                </testsuite>""".formatted(erasure, rights));
        report("failsafe-reports", "TEST-it.xml", SINCE.plusSeconds(9), """
                <testsuite name="it">
                  <testcase name="rectifies" classname="%1$s"><skipped message="no browser"/></testcase>
                  <testcase name="sealsEachValue(String)[1]" classname="%1$s"/>
                  <testcase name="sealsEachValue(String)[2]" classname="%1$s"/>
                </testsuite>""".formatted(rights));
        report("failsafe-reports", "TEST-old.xml", SINCE.minusSeconds(3600), """
                <testsuite name="old"><testcase name="stale" classname="%s"/></testsuite>""".formatted(rights));
    }

    private void report(String folder, String name, Instant written, String xml) throws IOException {
        Path file = Files.createDirectories(target.resolve(folder)).resolve(name);
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    private static Map<String, String> results(JsonObject duty) {
        return duty.getJsonArray("tests").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(t -> t.getString("method"), t -> t.getString("result")));
    }
}
