package org.consentry.escalation.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Db;
import org.consentry.testing.Handoff;

/** What the platform adapters' tests share: their documented payloads, and the check of a handoff's rows at rest. */
public final class PlatformFixtures {

    private PlatformFixtures() {
    }

    /** A file under src/test/resources/platforms/ (e.g. "rasa/tracker-handoff.json"). */
    public static String text(String name) {
        try (InputStream in = PlatformFixtures.class.getResourceAsStream("/platforms/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** {@code json} without the member at {@code path} (e.g. "payload", "consentry", "consent"). */
    public static String without(String json, String... path) {
        return without(json(json), path, 0).toString();
    }

    private static JsonObject without(JsonObject object, String[] path, int at) {
        if (at == path.length - 1) {
            return Json.createObjectBuilder(object).remove(path[at]).build();
        }
        return Json.createObjectBuilder(object).add(path[at], without(object.getJsonObject(path[at]), path, at + 1)).build();
    }

    /**
     * The escalation's row and its {@code lines} message rows hold none of the canary customer's values in
     * clear (inside the server), and its identifiers were kept as tokens.
     */
    public static void assertSealed(Db db, String escalationId, int lines) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>(db.rows("SELECT * FROM escalation WHERE id = ?", escalationId));
        rows.addAll(db.rows("SELECT * FROM escalation_message WHERE escalation_id = ?", escalationId));
        assertEquals(1 + lines, rows.size(), "the escalation and its lines");
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                String text = value instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                for (String secret : Handoff.secrets()) {
                    assertFalse(text.contains(secret), "personal data in clear at rest");
                }
            }
        }
        assertTrue(db.rows("SELECT id FROM pii_token WHERE escalation_id = ?", escalationId).size() >= 3,
                "identifiers kept as tokens");
    }
}
