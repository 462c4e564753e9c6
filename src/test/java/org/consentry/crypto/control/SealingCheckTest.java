package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import java.util.List;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class SealingCheckTest {

    @ExcludeDefaultListeners
    static class Unlistened implements DataSubject {
        @Id
        String id;
        @PersonalData(category = "contact")
        Sealed email;

        public String subjectId() {
            return "s";
        }
    }

    static class NotASubject {
        @Id
        String id;
        @PersonalData(category = "contact")
        String email;
    }

    static class Proper implements DataSubject {
        @Id
        String id;
        @PersonalData(category = "contact")
        Sealed email;

        public String subjectId() {
            return "s";
        }
    }

    @Test
    @Proves({Duty.GDPR_25, Duty.GDPR_32})
    void everyWayAPersonalFieldCouldStayUnsealedIsNamed() {
        assertEquals(List.of("Unlistened has personal fields but excludes the default listeners, SealingListener among them"),
                SealingCheck.problemsOf(Unlistened.class, true));
        assertEquals(List.of("Proper has personal fields but META-INF/orm.xml does not declare SealingListener"),
                SealingCheck.problemsOf(Proper.class, false));
        List<String> problems = SealingCheck.problemsOf(NotASubject.class, true);
        assertTrue(problems.contains("NotASubject.email is @PersonalData but not Sealed"), problems::toString);
        assertTrue(problems.contains("NotASubject has personal fields but is not a DataSubject"), problems::toString);
        assertEquals(List.of(), SealingCheck.problemsOf(Proper.class, true));
        assertEquals(List.of(), SealingCheck.problemsOf(String.class, false));
    }

    @Test
    void theApplicationsOrmXmlDeclaresEveryListenerAsADefault() {
        assertEquals(List.of(SealingListener.class.getName(), "org.consentry.retention.control.RetentionListener",
                "org.consentry.erasure.control.ErasureListener", KeyShredding.class.getName()),
                SealingCheck.defaultListeners());
    }
}
