package org.consentry.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MicroProfile Config lines of CRM recipients for a test deployment, as an admin writes them
 * (consentry.crm.recipients and consentry.crm.recipient.&lt;id&gt;.*), so that a connector's test states only
 * what differs: its connector type, where its stand-in listens, its secret, its field rules and its own keys.
 */
public final class CrmRecipient {

    private final String id;
    private final Map<String, String> keys = new LinkedHashMap<>();

    /** Recipient {@code id} of {@code connector}, for purpose crm-sync. */
    public CrmRecipient(String id, String connector) {
        this.id = id;
        keys.put("connector", connector);
        keys.put("purposes", "crm-sync");
    }

    /** Its API at {@code url}: a stand-in on loopback, so plain HTTP is allowed (as only development allows). */
    public CrmRecipient at(String url) {
        keys.put("url", url);
        keys.put("allow-http", "true");
        return this;
    }

    public CrmRecipient secret(String secret) {
        keys.put("secret", secret);
        return this;
    }

    /** Field rules separated by spaces: "contact.name=clear contact.phone=token case.agent=drop". */
    public CrmRecipient fields(String rules) {
        for (String rule : rules.trim().split("\\s+")) {
            int eq = rule.indexOf('=');
            keys.put("fields." + rule.substring(0, eq), rule.substring(eq + 1));
        }
        return this;
    }

    /** One of the recipient's own keys, named without the recipient's prefix ("hubspot.portal-id"). */
    public CrmRecipient with(String key, Object value) {
        keys.put(key, String.valueOf(value));
        return this;
    }

    /** The recipient's keys, one per line. */
    public String lines() {
        return keys.entrySet().stream().map(e -> "consentry.crm.recipient." + id + "." + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** This recipient as the only one: the recipients list and its keys. */
    public String only() {
        return "consentry.crm.recipients=" + id + "\n" + lines();
    }

    /**
     * The outbox paced for a test: polled every 0.2 s, retried after 0.2 s up to 1 s apart, each call bounded
     * by {@code requestTimeout} and leased for twice as long (the least the start-up check allows), erasure
     * notices polled every half second.
     */
    public static String fastOutbox(Duration requestTimeout) {
        return """
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                consentry.outbox.request-timeout=%s
                consentry.outbox.lease=%s
                consentry.erasure.poll=PT0.5S
                """.formatted(requestTimeout, requestTimeout.multipliedBy(2));
    }
}
