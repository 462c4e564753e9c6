package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.Browser;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The agent desk in headless Chromium: two agents signed in, a chat handed off by the bot appears in
 * both queues live, one claims it and the other's queue loses it, the customer's values are masked, a
 * hostile transcript line is shown as text, a reveal asks for a reason and shows the value once, the
 * reply reaches the bot, the chat is resolved. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentDeskIT {

    static final String XSS = "<img src=x onerror=alert(1)>";

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
    @Proves({Duty.GDPR_25, Duty.GDPR_32})
    void anAgentWorksAChatFromTheLiveQueueToItsEnd() {
        Api api = new Api(base);
        try (Browser one = Browser.open(base); Browser two = Browser.open(base)) {
            one.signIn("agent1", "agent1-dev");
            two.signIn("agent2", "agent2-dev");
            one.waitFor(By.id("queue"));
            two.waitFor(By.id("queue"));

            Handoff handoff = new Handoff().says(XSS).withConsent();
            String id = handoff.handOff(api);
            By inQueue = By.cssSelector("#queue li[data-id='" + id + "']");
            one.waitFor(inQueue);
            two.waitFor(inQueue);
            one.screenshot("desk-queue");

            // the queue is redrawn on every event (other tests' handoffs too): find and click in one step
            one.click(By.cssSelector("#queue li[data-id='" + id + "'] button.claim"));
            one.waitFor(By.cssSelector("#chat .banner"));
            assertEquals("The bot is paused while you handle this chat.",
                    one.waitUntil(d -> d.findElement(By.cssSelector("#chat .banner")).getText()));
            two.waitUntilGone(inQueue);
            assertTrue(two.driver.findElements(By.cssSelector("#mine li[data-id='" + id + "']")).isEmpty(),
                    "the other agent never sees the claimed chat");

            one.waitFor(By.cssSelector("#chat .customer"));
            String customer = one.waitUntil(d -> d.findElement(By.cssSelector("#chat .customer")).getText());
            assertFalse(customer.contains(Handoff.EMAIL), "the e-mail address is masked");
            assertTrue(customer.contains("*"), customer);
            // read in one go: the desk draws the chat anew when it changes, and an element held across that is stale
            one.waitFor(By.id("transcript"));
            String shown = one.waitUntil(d -> d.findElement(By.id("transcript")).getText());
            int images = one.waitUntil(d -> d.findElement(By.id("transcript")).findElements(By.tagName("img")).size());
            assertTrue(shown.contains(XSS), "the hostile line is shown as text");
            assertEquals(0, images, "and not as markup");
            assertThrows(NoAlertPresentException.class, () -> one.driver.switchTo().alert());
            assertFalse(shown.contains(Handoff.PESEL));
            one.screenshot("desk-chat");

            one.click(By.cssSelector("#transcript button.mask[data-type='PESEL']"));
            one.type(By.id("reveal-reason"), "verifying the customer's identity for the refund");
            one.driver.findElement(By.id("reveal-submit")).click();
            one.waitUntil(d -> Handoff.PESEL.equals(d.findElement(By.id("revealed")).getText()));
            one.screenshot("desk-reveal");
            one.driver.findElement(By.id("reveal-close")).click();
            one.waitUntilGone(By.id("revealed"));
            assertFalse(one.driver.getPageSource().contains(Handoff.PESEL), "the value is shown once, then gone");

            one.type(By.id("reply"), "Zwrot został zlecony, potwierdzenie przyjdzie mailem.");
            one.driver.findElement(By.id("send")).click();
            one.waitUntil(d -> d.findElement(By.id("transcript")).getText().contains("Zwrot został zlecony"));
            var relayed = api.get("api/v1/escalations/" + id + "/messages?after=0", Api.BOT).structure().asJsonArray();
            assertEquals("Zwrot został zlecony, potwierdzenie przyjdzie mailem.", relayed.getJsonObject(0).getString("text"),
                    "the reply reaches the bot");

            one.size(390, 844);
            one.screenshot("desk-chat-narrow");
            one.size(1280, 800);
            one.driver.findElement(By.id("resolve")).click();
            one.driver.switchTo().alert().accept();
            one.waitUntilGone(By.cssSelector("#chat .banner"));
            one.waitUntil(d -> "RESOLVED".equals(api.get("api/v1/escalations/" + id, Api.ADMIN).json().getString("status")));

            for (Browser browser : List.of(one, two)) {
                assertEquals(0L, browser.script("return localStorage.length + sessionStorage.length"), "nothing in web storage");
                assertEquals("", browser.script("return document.cookie"), "no cookie");
                browser.assertNoConsoleErrors();
            }
            var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=50", Api.ADMIN).structure().asJsonArray();
            assertTrue(audit.toString().contains("verifying the customer's identity for the refund"), "the reveal's reason is audited");
        }
    }
}
