package org.consentry.escalation.adapter.botframework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.consentry.escalation.adapter.botframework.BotFrameworkFixtures.Conversation;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

/** The documented handoff.initiate event as Consentry's handoff, and the service URLs Consentry would call. */
class BotFrameworkMappingTest {

    static final String SERVICE = "https://smba.trafficmanager.net/emea/";

    @Test
    void theDocumentedHandoffEventMapsToAHandoffWithItsTranscriptAndRoute() {
        Conversation conversation = Conversation.fresh(SERVICE);
        HandoffMapping.Mapped mapped = HandoffMapping.map(ActivityReader.read(conversation.handoff()), Instant.EPOCH);
        HandoffRequest request = mapped.request();
        assertEquals("bf:" + conversation.conversationId(), request.conversationId());
        assertEquals("bf:" + conversation.userId(), request.subjectId());
        assertEquals("pl", request.language());
        assertEquals("Bot Framework handoff, skill: credit cards", request.reason());
        assertEquals(List.of(From.BOT, From.CUSTOMER, From.BOT), request.transcript().stream().map(l -> l.from()).toList());
        assertEquals(Instant.parse("2026-11-29T10:00:01Z"), request.transcript().get(1).at());
        assertEquals(Boolean.TRUE, request.aiDisclosureShown());
        assertEquals("2026-11", request.consent().noticeVersion());
        assertEquals("Katarzyna Wiśniewska", request.customer().name());
        assertNull(request.callbackUrl());
        Route route = Route.parse(mapped.route().json());
        assertEquals(new Route(SERVICE, "directline", conversation.conversationId(), "contoso-support-bot", conversation.userId(), "pl-PL"), route);
        assertTrue(mapped.route().json().length() <= Route.MAX_CHARS);
        assertTrue(!mapped.route().json().contains("Wiśniewska"), "the route holds ids only");
    }

    @Test
    void aTeamsConversationIdIsHashedStably() {
        Conversation teams = Conversation.teamsLike(SERVICE);
        String id = PlatformIds.of(teams.conversationId());
        assertTrue(id.matches("bf:h:[A-Za-z0-9_-]{43}"), id);
        assertEquals(id, PlatformIds.of(teams.conversationId()));
        assertEquals("bf:h:" + PlatformIds.of("h:x").substring(5), PlatformIds.of("h:x"), "a native id that looks hashed is hashed too");
    }

    @Test
    void onlyAllowedHttpsServiceUrlsAreTaken() {
        ServiceUrls urls = new ServiceUrls(List.of("https://smba.trafficmanager.net/", "https://directline.botframework.com"), false);
        assertNull(urls.refusal("https://smba.trafficmanager.net/emea/"));
        assertNull(urls.refusal("https://directline.botframework.com/"));
        assertNull(urls.refusal("https://SMBA.trafficmanager.net/amer/"));
        for (String bad : List.of("http://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net.evil.example/",
                "https://smba.trafficmanager.net@evil.example/", "https://evil.example/https://smba.trafficmanager.net/",
                "https://smba.trafficmanager.net:8443/", "https://smba.trafficmanager.net/emea/?x=1",
                "https://smba.trafficmanager.net/../x/", "file:///etc/passwd", "not a url")) {
            assertTrue(urls.refusal(bad) != null, bad);
        }
        assertTrue(new ServiceUrls(List.of(), false).refusal("https://smba.trafficmanager.net/") != null, "nothing allowed by default");
    }

    @Test
    void aHandoffWithoutATranscriptOrConversationNamesTheField() {
        Conversation conversation = Conversation.fresh(SERVICE);
        String noTranscript = conversation.handoff().replace("\"name\": \"Transcript\",", "\"name\": \"Other\",");
        ProblemException problem = assertThrows(ProblemException.class,
                () -> HandoffMapping.map(ActivityReader.read(noTranscript), Instant.EPOCH));
        assertEquals("attachments", problem.members().get("field"));
        String vnd = conversation.handoff().replace("\"contentType\": \"application/json\",\n      \"name\": \"Transcript\",",
                "\"contentType\": \"application/vnd.microsoft.activity.transcript\",");
        assertEquals(3, HandoffMapping.map(ActivityReader.read(vnd), Instant.EPOCH).request().transcript().size());
        ProblemException noServiceUrl = assertThrows(ProblemException.class,
                () -> ActivityReader.read(conversation.handoff().replace("\"serviceUrl\": \"" + SERVICE + "\",\n  \"channelId\"", "\"channelId\"")));
        assertEquals("serviceUrl", noServiceUrl.members().get("field"));
    }
}
