package org.consentry.escalation.adapter.rasa;

import static org.consentry.escalation.adapter.JsonFields.array;
import static org.consentry.escalation.adapter.JsonFields.invalid;
import static org.consentry.escalation.adapter.JsonFields.object;
import static org.consentry.escalation.adapter.JsonFields.string;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.TranscriptLine;

/**
 * What Consentry reads of a Rasa tracker state (the custom action's {@code tracker.current_state()}, or
 * the HTTP API's Tracker): {@code sender_id}, the {@code user} and {@code bot} events of {@code events}
 * (their {@code text} and {@code timestamp}, Unix seconds; events of other kinds and bot events without
 * text are skipped) and the slot {@code consentry} (an any-typed slot holding Consentry's metadata).
 */
record TrackerCall(SenderRoute sender, List<TranscriptLine> lines, JsonObject consentry) {

    static final String CONSENTRY_PATH = "slots.consentry";

    static TrackerCall parse(JsonObject body) {
        String senderId = string(body, "sender_id", "sender_id", true);
        if (senderId.isBlank() || senderId.length() > SenderRoute.MAX_SENDER) {
            throw invalid("sender_id", "must be 1-" + SenderRoute.MAX_SENDER + " characters");
        }
        JsonObject slots = object(body, "slots", "slots", false);
        JsonObject consentry = object(slots, "consentry", CONSENTRY_PATH, false);
        var events = array(body, "events", "events");
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String path = "events[" + i + "]";
            if (!(events.get(i) instanceof JsonObject event)) {
                throw invalid(path, "must be an object");
            }
            String kind = string(event, "event", path + ".event", true);
            if (!kind.equals("user") && !kind.equals("bot")) {
                continue;
            }
            String text = string(event, "text", path + ".text", false);
            if (text == null || text.isBlank()) {
                continue;
            }
            lines.add(new TranscriptLine(kind.equals("user") ? From.CUSTOMER : From.BOT, text, at(event, path + ".timestamp")));
        }
        return new TrackerCall(new SenderRoute(senderId), List.copyOf(lines), consentry);
    }

    private static Instant at(JsonObject event, String path) {
        JsonValue value = event.get("timestamp");
        if (!(value instanceof JsonNumber number)) {
            throw invalid(path, "must be a number (Unix seconds)");
        }
        BigDecimal seconds = number.bigDecimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253402300799L)) > 0) {
            throw invalid(path, "must be Unix seconds between 1970 and 9999");
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
