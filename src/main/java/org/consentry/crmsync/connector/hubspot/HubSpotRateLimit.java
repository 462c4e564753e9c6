package org.consentry.crmsync.connector.hubspot;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.consentry.outbox.control.VendorHttp;

/**
 * How long a 429 from HubSpot asks us to wait. HubSpot documents no Retry-After; its answers carry
 * X-HubSpot-RateLimit-* headers instead (developers.hubspot.com, "API usage guidelines and limits"):
 * the rolling window in X-HubSpot-RateLimit-Interval-Milliseconds with what is left of it in
 * X-HubSpot-RateLimit-Remaining, a one-second window in -Secondly/-Secondly-Remaining, and for
 * accounts with a daily limit -Daily/-Daily-Remaining (reset at midnight in the account's time zone,
 * which the API does not tell: we wait an hour and look again). A Retry-After, should one come, wins.
 */
final class HubSpotRateLimit {

    static final String PREFIX = "X-HubSpot-RateLimit-";
    static final Duration DAILY_WAIT = Duration.ofHours(1);

    private HubSpotRateLimit() {
    }

    static Optional<Duration> wait(HttpHeaders headers) {
        Optional<Duration> retryAfter = VendorHttp.retryAfter(headers);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if (exhausted(headers, "Daily-Remaining")) {
            return Optional.of(DAILY_WAIT);
        }
        OptionalLong interval = number(headers, "Interval-Milliseconds");
        if (interval.isPresent() && (exhausted(headers, "Remaining") || number(headers, "Remaining").isEmpty())) {
            return Optional.of(Duration.ofMillis(interval.getAsLong()));
        }
        if (exhausted(headers, "Secondly-Remaining")) {
            return Optional.of(Duration.ofSeconds(1));
        }
        return Optional.empty();
    }

    private static boolean exhausted(HttpHeaders headers, String name) {
        OptionalLong left = number(headers, name);
        return left.isPresent() && left.getAsLong() <= 0;
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        return headers.firstValue(PREFIX + name).map(String::strip).filter(v -> v.matches("-?\\d{1,12}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }
}
