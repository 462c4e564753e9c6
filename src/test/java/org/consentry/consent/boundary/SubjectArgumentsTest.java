package org.consentry.consent.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Optional;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.platform.boundary.SubjectId;
import org.junit.jupiter.api.Test;

class SubjectArgumentsTest {

    record Handoff(String subjectId, String text) implements DataSubject {
    }

    static class Calls {
        public void marked(String text, @SubjectId String subjectId) {
        }

        public void byArgument(int n, Handoff handoff) {
        }

        public void nothing(String subjectId) {
        }
    }

    static Method method(String name) {
        for (Method m : Calls.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void theMarkedParameterNamesTheSubject() {
        assertEquals(Optional.of("cust-7"), SubjectArguments.find(method("marked"), new Object[] {"hello", "cust-7"}));
        assertTrue(SubjectArguments.locatable(method("marked")));
    }

    @Test
    void aDataSubjectArgumentNamesTheSubject() {
        assertEquals(Optional.of("cust-8"), SubjectArguments.find(method("byArgument"), new Object[] {1, new Handoff("cust-8", "x")}));
        assertTrue(SubjectArguments.locatable(method("byArgument")));
    }

    @Test
    void anUnmarkedStringIsNotGuessed() {
        assertEquals(Optional.empty(), SubjectArguments.find(method("nothing"), new Object[] {"cust-9"}));
        assertFalse(SubjectArguments.locatable(method("nothing")));
    }
}
