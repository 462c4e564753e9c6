package org.consentry.host.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostSettingsTest {

    static final String SECRET = "whsec_Y29uc2VudHJ5LWhvc3QtdGVzdC1zZWNyZXQtMDEyMzQ1";

    final Map<String, String> keys = new HashMap<>(Map.of(
            "consentry.hosts", "helpdesk, crm-app",
            "consentry.host.helpdesk.url", "https://helpdesk.example.com/consentry/consent-changes",
            "consentry.host.helpdesk.secret", SECRET,
            "consentry.host.crm-app.url", "http://localhost:9080/crm/consentry/consent-changes",
            "consentry.host.crm-app.allow-http", "true",
            "consentry.host.crm-app.secret", SECRET));

    Map<String, HostSettings.Host> read(boolean production) {
        return HostSettings.read(key -> Optional.ofNullable(keys.get(key)), production);
    }

    @Test
    void everyHostIsReadWithItsOwnLane() {
        Map<String, HostSettings.Host> hosts = read(false);
        assertEquals(2, hosts.size());
        assertEquals("host-crm-app", hosts.get("crm-app").lane());
        assertEquals("helpdesk.example.com", hosts.get("helpdesk").url().getHost());
    }

    @Test
    void noHostsIsNoHosts() {
        keys.remove("consentry.hosts");
        assertTrue(read(true).isEmpty());
    }

    @Test
    void aBadEntryNamesItsKeyAndNeverItsValue() {
        IllegalStateException http = assertThrows(IllegalStateException.class, () -> read(true));
        assertTrue(http.getMessage().startsWith("consentry.host.crm-app.url must be https"), http.getMessage());

        keys.remove("consentry.host.helpdesk.secret");
        IllegalStateException unsigned = assertThrows(IllegalStateException.class, () -> read(false));
        assertEquals("consentry.host.helpdesk.secret is not set: a host hears of consent changes only signed", unsigned.getMessage());

        keys.put("consentry.host.helpdesk.secret", "not-a-whsec-secret-value");
        RuntimeException malformed = assertThrows(RuntimeException.class, () -> read(false));
        assertFalse(malformed.getMessage().contains("not-a-whsec"), malformed.getMessage());

        keys.put("consentry.hosts", "Helpdesk!");
        assertThrows(IllegalStateException.class, () -> read(false));
        keys.put("consentry.hosts", "helpdesk,helpdesk");
        keys.put("consentry.host.helpdesk.secret", SECRET);
        assertEquals("consentry.hosts names helpdesk twice", assertThrows(IllegalStateException.class, () -> read(false)).getMessage());
    }
}
