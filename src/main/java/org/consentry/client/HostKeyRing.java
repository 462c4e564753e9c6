package org.consentry.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The subjects' keys the host seals and opens {@link Personal} fields with, asked of Consentry
 * (POST api/v1/host-keys, audited there per subject with the purpose and the fields) and kept in memory only,
 * for as long as Consentry allows and at most consentry.client.key-ttl (PT60S). A subject Consentry has
 * erased, or for whom the purpose's basis no longer holds, has no key: its values stay sealed. A consent
 * change pushed by Consentry drops the subject's keys at once.
 */
@ApplicationScoped
public class HostKeyRing {

    record Key(String subjectId, String purpose) {
    }

    /** A key, or none (erased, refused), until a moment of System.nanoTime. */
    private record Held(SubjectFieldKey key, long untilNanos) {
    }

    @Inject
    ConsentryConnection connection;

    private final Map<Key, Held> held = new ConcurrentHashMap<>();
    private Duration maxTtl;
    private int capacity;

    @PostConstruct
    void init() {
        maxTtl = ConfigProvider.getConfig().getOptionalValue("consentry.client.key-ttl", Duration.class).orElse(Duration.ofSeconds(60));
        capacity = ConfigProvider.getConfig().getOptionalValue("consentry.client.cache-size", Integer.class).orElse(100_000);
    }

    /**
     * The key to seal the subject's values with (made in Consentry if the subject has none yet). A
     * {@link ConsentRefusedException} when the purpose's basis does not hold for the subject: nothing is written.
     */
    SubjectFieldKey forSealing(String subjectId, String purpose, Collection<PersonalShape.Named> fields, String where) {
        Held known = valid(new Key(subjectId, purpose));
        if (known != null && known.key() != null) {
            return known.key();
        }
        return ask(subjectId, purpose, "seal", fields)
                .orElseThrow(() -> new ConsentRefusedException(purpose, where));
    }

    /** The key to open the subject's values with; empty when Consentry erased the subject or refuses the purpose. */
    Optional<SubjectFieldKey> forOpening(String subjectId, String purpose, Collection<PersonalShape.Named> fields) {
        Held known = valid(new Key(subjectId, purpose));
        if (known != null) {
            return Optional.ofNullable(known.key());
        }
        return ask(subjectId, purpose, "open", fields);
    }

    /** Consentry said the subject's consent to the purpose changed (or the subject was erased: purpose null). */
    void forget(String subjectId, String purpose) {
        held.keySet().removeIf(k -> k.subjectId().equals(subjectId) && (purpose == null || k.purpose().equals(purpose)));
    }

    int size() {
        return held.size();
    }

    private Held valid(Key key) {
        Held known = held.get(key);
        if (known != null && System.nanoTime() - known.untilNanos() >= 0) {
            held.remove(key, known);
            return null;
        }
        return known;
    }

    private Optional<SubjectFieldKey> ask(String subjectId, String purpose, String use, Collection<PersonalShape.Named> fields) {
        JsonArrayBuilder named = Json.createArrayBuilder();
        fields.forEach(f -> named.add(Json.createObjectBuilder().add("name", f.name()).add("category", f.category())));
        JsonObject answer = connection.post("api/v1/host-keys", Json.createObjectBuilder().add("purpose", purpose).add("use", use)
                .add("subjectIds", Json.createArrayBuilder().add(subjectId)).add("fields", named).build(), purpose);
        SubjectFieldKey key = null;
        long seconds;
        try {
            seconds = Math.min(answer.getJsonNumber("rememberSeconds").longValue(), maxTtl.toSeconds());
            for (JsonObject given : answer.getJsonArray("keys").getValuesAs(JsonObject.class)) {
                if (given.getString("subjectId").equals(subjectId)) {
                    byte[] raw = Base64.getDecoder().decode(given.getString("key"));
                    if (raw.length != 32) {
                        throw new IllegalArgumentException("not a 256-bit key");
                    }
                    key = new SubjectFieldKey(new SecretKeySpec(raw, "AES"));
                    java.util.Arrays.fill(raw, (byte) 0);
                }
            }
            if (key == null && !named(answer, "refused", subjectId) && !named(answer, "erased", subjectId)) {
                throw new IllegalArgumentException("the subject is not in the answer");
            }
        } catch (RuntimeException e) {
            throw new ConsentUnavailableException(purpose, "Consentry's answer is not a key set", e);
        }
        if (seconds > 0) {
            if (held.size() >= capacity) {
                held.clear(); // full: start over rather than grow (the next reads ask again)
            }
            held.put(new Key(subjectId, purpose), new Held(key, System.nanoTime() + Duration.ofSeconds(seconds).toNanos()));
        }
        return Optional.ofNullable(key);
    }

    private static boolean named(JsonObject answer, String list, String subjectId) {
        return answer.getJsonArray(list).getValuesAs(JsonString.class).stream().anyMatch(s -> s.getString().equals(subjectId));
    }
}
