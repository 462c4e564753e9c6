package org.consentry.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the host's retention asks of Consentry: the period of a category's policy (remembered for
 * consentry.client.key-ttl, PT60S, so that an admin's change reaches new rows within it), and a sweep's
 * lease with the held subjects to spare, then its report.
 */
@ApplicationScoped
public class HostRetention {

    /** A sweep Consentry allowed: its id, and the due subjects under a legal hold. */
    record Sweep(String id, List<String> held) {
    }

    private record Remembered(Period period, long untilNanos) {
    }

    private static final String PURPOSE = "retention";

    @Inject
    ConsentryConnection connection;

    private final Map<String, Remembered> periods = new ConcurrentHashMap<>();
    private Duration remember;

    @PostConstruct
    void init() {
        remember = ConfigProvider.getConfig().getOptionalValue("consentry.client.key-ttl", Duration.class).orElse(Duration.ofSeconds(60));
    }

    /** When a row of the category collected at {@code collected} is due (calendar arithmetic in UTC, as Consentry's). */
    Instant dueAt(String category, Instant collected) {
        Remembered known = periods.get(category);
        if (known == null || System.nanoTime() - known.untilNanos() >= 0) {
            JsonObject policy = connection.get("api/v1/host-retention/policies/" + URLEncoder.encode(category, StandardCharsets.UTF_8),
                    PURPOSE);
            try {
                known = new Remembered(Period.parse(policy.getString("period")), System.nanoTime() + remember.toNanos());
            } catch (RuntimeException e) {
                throw new ConsentUnavailableException(PURPOSE, "Consentry's answer is not a retention policy", e);
            }
            periods.put(category, known);
        }
        return collected.atOffset(ZoneOffset.UTC).plus(known.period()).toInstant();
    }

    /** Asks to sweep the table now: empty while another of the host's servers sweeps it. */
    Optional<Sweep> start(String table, String category, Collection<String> due) {
        JsonArrayBuilder subjects = Json.createArrayBuilder();
        due.forEach(subjects::add);
        JsonObject answer = connection.post("api/v1/host-retention/sweeps", Json.createObjectBuilder().add("table", table)
                .add("category", category).add("dueSubjectIds", subjects).build(), PURPOSE);
        if (!answer.getBoolean("granted", false)) {
            return Optional.empty();
        }
        return Optional.of(new Sweep(answer.getString("sweepId"),
                answer.getJsonArray("held").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
    }

    void report(Sweep sweep, String table, int deleted, int spared) {
        connection.post("api/v1/host-retention/sweeps/" + sweep.id() + "/report", Json.createObjectBuilder().add("table", table)
                .add("deleted", deleted).add("spared", spared).build(), PURPOSE);
    }
}
