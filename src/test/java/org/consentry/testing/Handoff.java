package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/** Builds handoff requests for the tests, with a known customer whose data must never leak. */
public final class Handoff {

    public static final String NAME = "Katarzyna Wiśniewska";
    public static final String EMAIL = "k.wisniewska@example.pl";
    public static final String PHONE = "+48 601 234 567";
    public static final String CARD = "4111 1111 1111 1111";
    public static final String PESEL = "44051401359";
    /** The evidence of the consent that {@link #withConsent()} sends. */
    public static final String EVIDENCE = "message m-1";

    public final String subjectId = "cust-" + UUID.randomUUID();
    public final String conversationId = "conv-" + UUID.randomUUID();
    private String callbackUrl;
    private String name = NAME;
    private String email = EMAIL;
    private String phone = PHONE;
    private int extraLines;
    private final java.util.List<String> customerLines = new java.util.ArrayList<>();
    private int lineChars;
    private Boolean aiDisclosureShown;
    private boolean consented;
    private String language = "pl";
    private String reason = "Podwójne obciążenie karty";

    /** The chat's language and the bot's reason for the handoff (what the queue shows and filters by). */
    public Handoff about(String language, String reason) {
        this.language = language;
        this.reason = reason;
        return this;
    }

    /** Another customer than the canary one. */
    public Handoff customer(String name, String email, String phone) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        return this;
    }

    public Handoff callback(String url) {
        callbackUrl = url;
        return this;
    }

    /** One more line from the customer, as written. */
    public Handoff says(String text) {
        customerLines.add(text);
        return this;
    }

    /** What the bot reports about the AI disclosure (AI Act Art. 50); null leaves the field out. */
    public Handoff aiDisclosure(Boolean shown) {
        aiDisclosureShown = shown;
        return this;
    }

    public Handoff lines(int count) {
        extraLines = count;
        return this;
    }

    public Handoff lineChars(int chars) {
        lineChars = chars;
        return this;
    }

    public String json() {
        JsonArrayBuilder transcript = Json.createArrayBuilder()
                .add(line("CUSTOMER", "Dzień dobry, karta " + CARD + " została obciążona dwa razy. Mój PESEL to " + PESEL
                        + ", mail " + email + ".", "2026-11-29T10:00:00Z"))
                .add(line("BOT", "Przekazuję rozmowę do konsultanta.", "2026-11-29T10:00:04Z"));
        for (String text : customerLines) {
            transcript.add(line("CUSTOMER", text, "2026-11-29T10:00:30Z"));
        }
        for (int i = 0; i < extraLines; i++) {
            transcript.add(line("CUSTOMER", "line " + i, Instant.parse("2026-11-29T10:01:00Z").plusSeconds(i).toString()));
        }
        if (lineChars > 0) {
            transcript.add(line("CUSTOMER", "x".repeat(lineChars), "2026-11-29T10:02:00Z"));
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("conversationId", conversationId)
                .add("subjectId", subjectId)
                .add("language", language)
                .add("reason", reason)
                .add("customer", customer())
                .add("transcript", transcript);
        if (callbackUrl != null) {
            body.add("callbackUrl", callbackUrl);
        }
        if (aiDisclosureShown != null) {
            body.add("aiDisclosureShown", aiDisclosureShown);
        }
        if (consented) {
            body.add("consent", Json.createObjectBuilder().add("noticeVersion", "2026-11").add("channel", "chat")
                    .add("evidence", EVIDENCE));
        }
        return body.build().toString();
    }

    /** The customer's fields; one set to null is left out, as a bot leaves out what it does not know. */
    private JsonObjectBuilder customer() {
        JsonObjectBuilder customer = Json.createObjectBuilder();
        if (name != null) {
            customer.add("name", name);
        }
        if (email != null) {
            customer.add("email", email);
        }
        if (phone != null) {
            customer.add("phone", phone);
        }
        return customer;
    }

    /**
     * The customer agreed to the handoff: the consent to support-handoff travels inside the handoff
     * request (the bot's documented flow), recorded in the same transaction as the escalation.
     */
    public Handoff withConsent() {
        consented = true;
        return this;
    }

    /** Hands over and returns the escalation id. */
    public String handOff(Api api) {
        var reply = api.post("api/v1/escalations", Api.BOT, json());
        if (reply.status() != 201) {
            throw new AssertionError("handoff failed: " + reply);
        }
        return reply.json().getString("id");
    }

    private static JsonObjectBuilder line(String from, String text, String at) {
        return Json.createObjectBuilder().add("from", from).add("text", text).add("at", at);
    }

    /** Every personal value of the known customer, in the forms they could leak in. */
    public static String[] secrets() {
        return new String[] {NAME, "Wiśniewska", EMAIL, "k.wisniewska", PHONE, "601 234 567", "601234567", CARD,
                "4111111111111111", PESEL};
    }
}
