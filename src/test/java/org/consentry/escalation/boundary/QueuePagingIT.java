package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.testing.Api;
import org.consentry.testing.Browser;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * More chats waiting than one page holds (issue 29), on a database that may hold any number of earlier
 * waiting chats: the queue answers the total and the oldest wait with every page, the cursor reaches
 * every chat once while chats arrive and are claimed, filters narrow it; the desk shows the count,
 * reaches the 250th chat of its own through "show more", and announces a chat that arrives past the
 * pages it has loaded. The test finds its own chats by id and reason, never by position.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueuePagingIT {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"?next\"?");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                """);
    }

    @ArquillianResource
    URL base;

    @Test
    void theCursorReachesEveryChatOnceWhileChatsArriveAndAreClaimed() throws Exception {
        Api api = new Api(base);
        String marker = "paging " + UUID.randomUUID();
        List<String> mine = handOff(api, 60, "en", marker);
        String filter = "status=WAITING&language=en&reason=" + marker.replace(" ", "%20") + "&limit=25";

        Api.Reply first = api.get("api/v1/escalations?" + filter, Api.AGENT1);
        assertEquals(200, first.status(), first::toString);
        assertEquals("60", first.header("Consentry-Total"), "the total counts every match, not the page");
        JsonObject oldest = first.structure().asJsonArray().getJsonObject(0);
        assertEquals(mine.get(0), oldest.getString("id"), "oldest first");
        assertEquals(Instant.parse(oldest.getString("createdAt")), Instant.parse(first.header("Consentry-Oldest-Waiting-Since")));

        Set<String> seen = new HashSet<>();
        List<String> claimed = new ArrayList<>();
        String arrived = null;
        Api.Reply page = first;
        int pages = 0;
        while (page != null) {
            pages++;
            for (JsonObject item : page.structure().asJsonArray().getValuesAs(JsonObject.class)) {
                assertTrue(seen.add(item.getString("id")), "shown once: " + item.getString("id"));
                assertEquals("en", item.getString("language"));
            }
            if (pages == 1) {
                // the queue changes under the agent: the oldest not yet shown is claimed, a new chat arrives
                String next = mine.get(30);
                assertEquals(200, api.post("api/v1/escalations/" + next + "/claim", Api.AGENT2, "").status());
                claimed.add(next);
                arrived = handOff(api, 1, "en", marker).get(0);
            }
            page = next(api, page);
        }
        assertEquals(3, pages, "25 + 25 + 10 (one claimed, one arrived)");
        Set<String> expected = new HashSet<>(mine);
        expected.removeAll(claimed);
        expected.add(arrived);
        assertEquals(expected, seen, "every waiting chat once, the claimed one not, the new one at the end");

        Api.Reply polish = api.get("api/v1/escalations?status=WAITING&language=pl&reason=" + marker.replace(" ", "%20"), Api.AGENT1);
        assertEquals("0", polish.header("Consentry-Total"));
        assertNull(polish.header("Consentry-Oldest-Waiting-Since"), "no oldest when nothing waits");
        assertEquals(0, polish.structure().asJsonArray().size());
        Api.Reply bad = api.get("api/v1/escalations?status=WAITING&after=bm90LWEtY3Vyc29y", Api.AGENT1);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("after", bad.problem().getString("field"));
    }

    @Test
    void theDeskShowsTheCountReachesTheTwoHundredFiftiethChatAndAnnouncesANewOne() throws Exception {
        Api api = new Api(base);
        String marker = "desk " + UUID.randomUUID();
        List<String> mine = handOff(api, 250, "pl", marker);
        String last = mine.get(249);
        try (Browser agent = Browser.open(base)) {
            agent.signIn("agent1", "agent1-dev");
            agent.waitFor(By.id("queue-count"));
            String total = api.get("api/v1/escalations?status=WAITING&limit=1", Api.AGENT1).header("Consentry-Total");
            assertTrue(Integer.parseInt(total) >= 250, total);
            agent.waitUntil(d -> d.findElement(By.id("queue-count")).getText().startsWith(total + " waiting"));
            agent.screenshot("desk-queue-count");

            By lastChat = By.cssSelector("#queue li[data-id='" + last + "']");
            By shown = By.cssSelector("#queue li[data-id]");
            int clicks = 0;
            while (agent.driver.findElements(lastChat).isEmpty()) {
                int before = agent.driver.findElements(shown).size();
                agent.waitFor(By.id("queue-more"));
                agent.click(By.id("queue-more"));
                agent.waitUntil(d -> d.findElements(shown).size() > before);
                assertTrue(++clicks <= (Integer.parseInt(total) + 99) / 100, "one page of 100 per click");
            }
            assertTrue(agent.driver.findElement(lastChat).getText().contains(marker), "the 250th chat of the test, reached");

            try (Browser other = Browser.open(base)) {
                other.signIn("agent2", "agent2-dev");
                other.waitUntil(d -> d.findElement(By.id("queue-count")).getText().startsWith(total + " waiting"));
                assertEquals(100, other.driver.findElements(shown).size(), "the first page is full");
                String newcomer = handOff(api, 1, "pl", marker + " late").get(0);
                By arrival = By.cssSelector("#queue li[data-id='" + newcomer + "']");
                for (Browser desk : List.of(agent, other)) {
                    desk.waitFor(arrival);
                    desk.waitUntil(d -> d.findElement(By.id("queue-count")).getText()
                            .startsWith((Integer.parseInt(total) + 1) + " waiting"));
                }
                assertEquals(1, other.driver.findElements(By.id("queue-more")).size(), "past the first page, yet shown");
                other.screenshot("desk-queue-arrival");
                other.assertNoConsoleErrors();
            }
            agent.assertNoConsoleErrors();
        }
    }

    /** {@code count} waiting chats in creation order, each with its own subject, consent and conversation. */
    private static List<String> handOff(Api api, int count, String language, String reason) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            List<String> created = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < count; i++) {
                // one after another per worker, so that creation order is the order of the list below
                ids.add(pool.submit(() -> new Handoff().about(language, reason).withConsent().handOff(api)));
            }
            for (Future<String> id : ids) {
                created.add(id.get());
            }
            return inQueueOrder(api, created);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ids in the queue's own order (by creation time, then id), read from the API. */
    private static List<String> inQueueOrder(Api api, List<String> ids) {
        List<JsonObject> items = new ArrayList<>();
        for (String id : ids) {
            items.add(api.get("api/v1/escalations/" + id, Api.ADMIN).json());
        }
        items.sort((a, b) -> {
            int byTime = Instant.parse(a.getString("createdAt")).compareTo(Instant.parse(b.getString("createdAt")));
            return byTime != 0 ? byTime : a.getString("id").compareTo(b.getString("id"));
        });
        return items.stream().map(i -> i.getString("id")).toList();
    }

    private static Api.Reply next(Api api, Api.Reply page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertTrue(m.find(), link);
        URI uri = URI.create(m.group(1));
        Api.Reply reply = api.get("api/v1/escalations?" + uri.getRawQuery(), Api.AGENT1);
        assertEquals(200, reply.status(), reply::toString);
        assertNotNull(reply.header("Consentry-Total"));
        return reply;
    }
}
