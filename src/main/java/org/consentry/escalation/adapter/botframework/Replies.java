package org.consentry.escalation.adapter.botframework;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;

/** What Consentry answers a channel: a ResourceResponse ({@code id}) with Consentry's own members beside it. */
final class Replies {

    private Replies() {
    }

    static JsonObject handedOff(String escalationId, String status) {
        return JSON.createObjectBuilder().add("id", escalationId).add("escalationId", escalationId).add("status", status).build();
    }

    static JsonObject relayed(String messageId) {
        return JSON.createObjectBuilder().add("id", messageId).build();
    }
}
