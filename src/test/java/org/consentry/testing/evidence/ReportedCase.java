package org.consentry.testing.evidence;

/** One testcase of a JUnit XML report: its class (binary name, nested classes with $), its name, its outcome. */
record ReportedCase(String className, String name, Outcome outcome) {

    /** A parameterized or repeated run is named after its method, followed by its arguments or index. */
    boolean isRunOf(String method) {
        return name.equals(method) || name.startsWith(method + "(") || name.startsWith(method + "[");
    }
}
