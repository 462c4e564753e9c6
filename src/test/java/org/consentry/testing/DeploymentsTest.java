package org.consentry.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentsTest {

    @Test
    void aComponentDeploymentDeclaresOnlyTheListenersItCarries() {
        String auditOnly = Deployments.listenersOf(Components.map().withWhatTheyUse("audit"));
        assertTrue(auditOnly.contains("org.consentry.crypto.control.SealingListener"), auditOnly);
        assertTrue(auditOnly.contains("org.consentry.crypto.control.KeyShredding"), auditOnly);
        assertFalse(auditOnly.contains("class=\"org.consentry.retention.control.RetentionListener\""), auditOnly);
        assertFalse(auditOnly.contains("class=\"org.consentry.erasure.control.ErasureListener\""), auditOnly);
        assertTrue(auditOnly.contains("</entity-mappings>"), auditOnly);
        String all = Deployments.listenersOf(Set.of("crypto", "retention", "erasure"));
        assertTrue(all.contains("RetentionListener") && all.contains("ErasureListener"), all);
    }
}
