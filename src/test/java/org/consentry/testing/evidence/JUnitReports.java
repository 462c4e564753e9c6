package org.consentry.testing.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the TEST-*.xml files surefire and failsafe write. A file older than the build's start is
 * left from an earlier build: its tests count as not run, so a partial run never shows stale passes.
 */
final class JUnitReports {

    private JUnitReports() {
    }

    static List<ReportedCase> read(List<Path> folders, Instant since) throws IOException {
        List<ReportedCase> cases = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(JUnitReports::isReport).sorted().toList()) {
                    boolean fresh = !Files.getLastModifiedTime(file).toInstant().isBefore(since);
                    cases.addAll(parse(file, fresh));
                }
            }
        }
        return cases;
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static List<ReportedCase> parse(Path file, boolean fresh) throws IOException {
        NodeList testcases;
        try {
            testcases = parser().parse(file.toFile()).getElementsByTagName("testcase");
        } catch (SAXException e) {
            throw new IOException("not a JUnit XML report: " + file.getFileName(), e);
        }
        List<ReportedCase> cases = new ArrayList<>();
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            Outcome outcome = fresh ? outcome(testcase) : Outcome.NOT_RUN;
            cases.add(new ReportedCase(testcase.getAttribute("classname"), testcase.getAttribute("name"), outcome));
        }
        return cases;
    }

    /** A flaky run (flakyFailure, rerunFailure) that passed in the end is a pass, as surefire counts it. */
    private static Outcome outcome(Element testcase) {
        Outcome outcome = Outcome.PASSED;
        for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
            Outcome found = switch (child.getNodeName()) {
                case "failure" -> Outcome.FAILED;
                case "error" -> Outcome.ERRORED;
                case "skipped" -> Outcome.SKIPPED;
                default -> Outcome.PASSED;
            };
            if (found != Outcome.PASSED) {
                outcome = found;
            }
        }
        return outcome;
    }

    /** Reports are local files, but a parser that reads no DTD and no external entity costs nothing. */
    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }
}
