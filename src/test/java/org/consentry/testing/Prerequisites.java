package org.consentry.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What some tests need beside a JDK 17 and Maven, and whether it is here. On a developer's machine a test
 * whose prerequisite is missing is skipped, saying what to install; under {@code CI=true} it always runs
 * (and fails, naming what is missing): .ci/run installs everything. The conditions are for
 * {@code @EnabledIf("org.consentry.testing.Prerequisites#...")}, evaluated before a test class starts.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** SoftHSM2's tokens, made by scripts/ci/softhsm-token.sh when softhsm2-util is installed. */
    public static boolean softHsm() {
        return ci() || Files.isRegularFile(Path.of(System.getProperty("softhsm.dir", "target/softhsm"), "token.properties"));
    }

    /** A JDK of Java 21 or later to run Keycloak with (the build's own JDK may be 17). */
    public static boolean keycloak() {
        return ci() || KeycloakJava.available();
    }
}
