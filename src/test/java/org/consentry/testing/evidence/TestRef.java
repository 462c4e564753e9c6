package org.consentry.testing.evidence;

/** A test method: its class's binary name and the method's name. */
record TestRef(String className, String method) implements Comparable<TestRef> {

    String display() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }

    @Override
    public int compareTo(TestRef other) {
        int byClass = className.compareTo(other.className);
        return byClass != 0 ? byClass : method.compareTo(other.method);
    }
}
