package org.consentry.outbox.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.consentry.audit.control.AuthAbuse;

/**
 * An abuse alert as the outbox keeps it and as the receiver gets it. The delivery's reference holds the
 * alert itself, which has no personal data (hashes, counts, times), so nothing else must be stored:
 * {@code auth-abuse|kind|threshold|client|address|count|windowSeconds|epochSeconds}. The body follows the
 * Standard Webhooks payload shape: {@code {"type":"security.auth-abuse","timestamp":…,"data":{"kind",
 * "threshold","client","address","count","window"}}}.
 */
public final class SecurityAlertBodies {

    public static final String KIND = "alerts.security";
    /** The receiver's name in the delivery: the configured alert webhook, read when it is sent. */
    public static final String TARGET = "consentry.alerts.webhook";
    public static final String AUTH_ABUSE = "security.auth-abuse";
    private static final Pattern REFERENCE = Pattern.compile(
            "auth-abuse\\|(password|token|sso)\\|(client|address)\\|(none|[uc]_[A-Za-z0-9_-]{1,43})\\|(a_[A-Za-z0-9_-]{1,43})"
                    + "\\|(\\d{1,18})\\|(\\d{1,18})\\|(\\d{1,18})");

    private SecurityAlertBodies() {
    }

    public static String reference(AuthAbuse abuse) {
        return String.join("|", "auth-abuse", abuse.kind(), abuse.crossed(), abuse.clientRef(), abuse.addressRef(),
                Long.toString(abuse.count()), Long.toString(abuse.window().toSeconds()), Long.toString(abuse.at().getEpochSecond()));
    }

    /** The body of the alert a reference holds; IllegalArgumentException when it holds none. */
    public static String body(String reference) {
        var parts = REFERENCE.matcher(reference);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not an alert reference");
        }
        return JSON.createObjectBuilder()
                .add("type", AUTH_ABUSE)
                .add("timestamp", Instant.ofEpochSecond(Long.parseLong(parts.group(7))).toString())
                .add("data", JSON.createObjectBuilder()
                        .add("kind", parts.group(1))
                        .add("threshold", parts.group(2))
                        .add("client", parts.group(3))
                        .add("address", parts.group(4))
                        .add("count", Long.parseLong(parts.group(5)))
                        .add("window", Duration.ofSeconds(Long.parseLong(parts.group(6))).toString()))
                .build().toString();
    }
}
