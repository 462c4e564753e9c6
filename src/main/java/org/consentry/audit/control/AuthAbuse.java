package org.consentry.audit.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Refused credentials crossed a threshold: fired once per client or address and window (every server
 * together), in the transaction that audited it, for whoever alerts on it (the outbox's SecurityAlerts).
 * It holds no personal data: the client and the address only as keyed hashes.
 *
 * @param kind      {@code password}, {@code token} or {@code sso}: the refusal that crossed it
 * @param crossed   {@code client} or {@code address}: whose threshold
 * @param clientRef {@code u_…} (a typed user name), {@code c_…} (a claimed client id) or {@code none}
 * @param addressRef {@code a_…}
 * @param count     refusals within {@code window} that crossed it (the configured threshold)
 */
public record AuthAbuse(String kind, String crossed, String clientRef, String addressRef, long count, Duration window,
                        Instant at) {
}
