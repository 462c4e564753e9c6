package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchemaPolicyTest {

    @Test
    void aReleaseIsTheMajorAndMinorOfTheVersion() {
        assertEquals("0.2", SchemaPolicy.release("0.2.0-SNAPSHOT"));
        assertEquals("1.10", SchemaPolicy.release("1.10.3"));
        assertEquals("2.0", SchemaPolicy.release("2.0"));
        assertEquals("0.3", SchemaPolicy.release("00.03-rc1"));
        assertThrows(IllegalArgumentException.class, () -> SchemaPolicy.release("${project.version}"));
        assertThrows(IllegalArgumentException.class, () -> SchemaPolicy.release("1"));
        assertThrows(IllegalArgumentException.class, () -> SchemaPolicy.release(null));
    }

    @Test
    void codeOneReleaseBehindServesASchemaThatOnlyExpanded() {
        SchemaPolicy previous = new SchemaPolicy("0.1.4");
        assertTrue(previous.judge("0.2", "0.1").serves(), "0.2 expanded only: 0.1 keeps running");
        assertTrue(previous.judge("0.1", "0.1").serves());
        assertFalse(previous.judge("0.3", "0.2").serves(), "two releases behind: 0.3 contracted what 0.1 used");
        assertFalse(previous.judge("0.2", "0.2").serves(), "a release that breaks the one before: no rolling upgrade");
    }

    @Test
    void codeAheadOfTheSchemaIsNotRefusedByThePolicy() {
        // (readiness then waits for this build's migrations: SchemaReadiness compares versions too)
        assertTrue(new SchemaPolicy("0.3.0").judge("0.2", "0.1").serves());
    }

    @Test
    void releasesCompareAsNumbersNotText() {
        assertTrue(SchemaPolicy.newer("0.10", "0.9"));
        assertFalse(SchemaPolicy.newer("0.9", "0.10"));
        assertFalse(new SchemaPolicy("0.9.0").judge("0.11", "0.10").serves());
    }

    @Test
    void thisBuildKnowsItsRelease() {
        // the filtered resource on the class path: a release, not the unfiltered ${project.version}
        String release = SchemaPolicy.ofThisBuild().codeRelease();
        assertTrue(release.matches("\\d+\\.\\d+"), release);
    }
}
