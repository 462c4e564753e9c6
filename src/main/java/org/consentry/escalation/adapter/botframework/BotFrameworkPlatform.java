package org.consentry.escalation.adapter.botframework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.BotPlatform;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;

/**
 * Sends to the Bot Connector of a conversation: POST {serviceUrl}/v3/conversations/{conversationId}/activities
 * with Consentry's Bearer token (renewed once when the connector answers 401). The service URL is
 * checked again against the allowed prefixes before every call: a route stored under another
 * configuration is not followed.
 */
@ApplicationScoped
public class BotFrameworkPlatform implements BotPlatform {

    static final String PATH_TEMPLATE = "/v3/conversations/{conversationId}/activities";

    @Inject
    BotFrameworkSettings settings;

    @Inject
    ConnectorTokens tokens;

    private final VendorHttp http = new VendorHttp(ConnectorTokens.VENDOR);

    @Override
    public String type() {
        return BotFrameworkResource.PLATFORM;
    }

    @Override
    public DeliveryResult reply(PlatformConversation conversation, AgentReply reply) {
        Route route = route(conversation);
        return route == null ? rejected("an unreadable route") : send(route, OutgoingActivities.message(route, reply));
    }

    @Override
    public DeliveryResult status(PlatformConversation conversation, HandoffStatus status) {
        Route route = route(conversation);
        return route == null ? rejected("an unreadable route")
                : send(route, OutgoingActivities.status(route, conversation.escalationId(), status));
    }

    private DeliveryResult send(Route route, JsonObject activity) {
        String refusal = settings.serviceUrls().refusal(route.serviceUrl());
        if (refusal != null) {
            return new DeliveryResult.Rejected(ConnectorTokens.VENDOR + ": the conversation's serviceUrl " + refusal);
        }
        URI uri = URI.create(ServiceUrls.withSlash(route.serviceUrl()) + "v3/conversations/"
                + PathSegment.encode(route.conversationId()) + "/activities");
        try {
            String token = tokens.token();
            VendorHttp.Answer answer = http.send(request(uri, token, activity));
            if (answer.status() == 401) {
                tokens.renew(token);
                answer = http.send(request(uri, tokens.token(), activity));
            }
            if (!answer.ok()) {
                return http.failure("POST", PATH_TEMPLATE, answer);
            }
            return new DeliveryResult.Delivered(ConnectorTokens.VENDOR + " POST " + PATH_TEMPLATE + " answered " + answer.status());
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        }
    }

    private static HttpRequest request(URI uri, String token, JsonObject activity) {
        return VendorHttp.json(VendorHttp.request(uri).header("Authorization", "Bearer " + token), "POST", activity).build();
    }

    private static Route route(PlatformConversation conversation) {
        try {
            return conversation.route() == null ? null : Route.parse(conversation.route());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DeliveryResult rejected(String what) {
        return new DeliveryResult.Rejected(ConnectorTokens.VENDOR + ": the conversation has " + what);
    }

    /** Percent-encodes a path segment (RFC 3986: everything but the unreserved characters). */
    static final class PathSegment {
        private PathSegment() {
        }

        static String encode(String segment) {
            StringBuilder out = new StringBuilder();
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return out.toString();
        }
    }
}
