package org.consentry.erasure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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

/**
 * The admin's other pages in headless Chromium: a subject's consents with their history, an erasure
 * requested from the page and followed through its steps, the audit filtered by subject with the chain
 * verified, the CRM outbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubjectRightsPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                consentry.erasure.poll=PT1S
                """);
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_17)
    void anAdminLooksUpConsentsErasesASubjectAndChecksTheAudit() {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        handoff.handOff(api);
        try (Browser admin = Browser.open(base)) {
            admin.signIn("admin", "admin-dev");

            admin.go("console/#consents");
            admin.type(By.id("consent-lookup-subjectId"), handoff.subjectId);
            admin.driver.findElement(By.cssSelector("#consent-lookup button[type=submit]")).click();
            String consents = admin.waitFor(By.cssSelector("#consent-result table")).getText();
            assertTrue(consents.contains("support-handoff") && consents.contains("GRANTED"), consents);

            admin.go("console/#erasures");
            admin.type(By.id("subject-rights-subjectId"), handoff.subjectId);
            admin.driver.findElement(By.id("erase")).click();
            admin.driver.switchTo().alert().accept();
            String requestId = admin.waitUntil(d -> api.get("api/v1/audit?subjectId=" + handoff.subjectId, Api.ADMIN).structure()
                    .asJsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(e -> e.getString("action").equals("erasure.request")).findFirst()
                    .map(e -> e.getString("detail").substring("request ".length(), "request ".length() + 36)).orElse(null));
            By card = By.cssSelector("#erasure-list .request[data-id='" + requestId + "']");
            admin.waitUntil(d -> {
                admin.go("console/#retention").go("console/#erasures"); // the list is drawn again (no reload)
                return admin.waitFor(card).getText().contains("COMPLETED");
            });
            String steps = admin.driver.findElement(card).getText();
            assertTrue(steps.contains("local-rows") && steps.contains("data key destroyed"), steps);
            admin.screenshot("admin-erasures");
            assertEquals(0, api.get("api/v1/subjects/" + handoff.subjectId + "/export", Api.ADMIN).json()
                    .getJsonArray("escalations").size(), "the subject's data is gone");

            admin.go("console/#audit");
            admin.type(By.id("audit-filter-subjectId"), handoff.subjectId);
            admin.driver.findElement(By.cssSelector("#audit-filter button[type=submit]")).click();
            String audit = admin.waitFor(By.cssSelector("#audit-result table")).getText();
            assertTrue(audit.contains("erasure.request") && audit.contains("consent.grant"), audit);
            assertFalse(audit.contains(handoff.subjectId), "the audit names subjects by reference only");
            admin.driver.findElement(By.id("verify")).click();
            admin.waitUntil(d -> d.findElement(By.id("chain")).getText().startsWith("The chain is intact"));
            admin.screenshot("admin-audit");

            admin.go("console/#outbox");
            admin.waitFor(By.id("outbox-status"));
            admin.waitFor(By.cssSelector("#outbox-result > *"));
            admin.assertNoConsoleErrors();
        }
    }
}
