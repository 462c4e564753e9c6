package org.consentry.escalation.adapter.rasa;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.BotPlatform;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Back to Rasa. An agent's reply goes where Rasa's callback channel sends the bot's own messages
 * (consentry.platforms.rasa.callback-url), in the same shape ({@code {"recipient_id", "text"}}), so the
 * integration shows it like any bot message. A human joining pauses the bot, the escalation's end (or a
 * failed handoff) resumes it, through Rasa's HTTP API: POST consentry.platforms.rasa.url
 * {@code /conversations/{sender_id}/tracker/events} with {@code {"event":"pause"}} or
 * {@code {"event":"resume"}}, authenticated with Rasa's {@code ?token=} (consentry.platforms.rasa.api-token).
 */
@ApplicationScoped
public class RasaPlatform implements BotPlatform {

    private static final VendorHttp HTTP = new VendorHttp("rasa");
    static final String EVENTS_PATH = "/conversations/{conversation_id}/tracker/events";

    @Inject
    @ConfigProperty(name = "consentry.platforms.rasa.callback-url")
    Optional<String> callbackUrl;

    @Inject
    @ConfigProperty(name = "consentry.platforms.rasa.url")
    Optional<String> rasaUrl;

    @Inject
    @ConfigProperty(name = "consentry.platforms.rasa.api-token")
    Optional<String> apiToken;

    @Inject
    Clock clock;

    @Override
    public String type() {
        return RasaTurns.PLATFORM;
    }

    @Override
    public DeliveryResult reply(PlatformConversation conversation, AgentReply reply) {
        if (callbackUrl.filter(u -> !u.isBlank()).isEmpty()) {
            return new DeliveryResult.Rejected("consentry.platforms.rasa.callback-url is not set");
        }
        var body = JSON.createObjectBuilder().add("recipient_id", SenderRoute.fromJson(conversation.route()).senderId())
                .add("text", reply.text()).build();
        return call(URI.create(callbackUrl.get().strip()), body, "callback");
    }

    @Override
    public DeliveryResult status(PlatformConversation conversation, HandoffStatus status) {
        if (rasaUrl.filter(u -> !u.isBlank()).isEmpty()) {
            return new DeliveryResult.Rejected("consentry.platforms.rasa.url is not set");
        }
        String sender = URLEncoder.encode(SenderRoute.fromJson(conversation.route()).senderId(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        String query = apiToken.filter(t -> !t.isBlank())
                .map(t -> "?token=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
        String base = rasaUrl.get().strip().replaceAll("/+$", "");
        var event = JSON.createObjectBuilder().add("event", status == HandoffStatus.ACCEPTED ? "pause" : "resume")
                .add("timestamp", clock.instant().getEpochSecond()).build();
        return call(URI.create(base + "/conversations/" + sender + "/tracker/events" + query), event, EVENTS_PATH);
    }

    private static DeliveryResult call(URI target, jakarta.json.JsonObject body, String pathTemplate) {
        try {
            HTTP.expectOk(VendorHttp.json(VendorHttp.request(target), "POST", body).build(), pathTemplate);
            return new DeliveryResult.Delivered("rasa POST " + pathTemplate);
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        }
    }
}
