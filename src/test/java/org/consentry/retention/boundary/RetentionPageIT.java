package org.consentry.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.consentry.testing.Api;
import org.consentry.testing.Browser;
import org.consentry.testing.Deployments;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's retention page in headless Chromium: an invalid period is refused with the API's reason,
 * a valid one is saved, shown as in force, and applied (the API and the privacy notice say so), a sweep
 * runs from the page and shows its report, and the page reads in Polish.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionPageIT {

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
    @Proves(Duty.GDPR_5_1_E)
    void anAdminChangesARetentionPeriodAndSeesItApplied() {
        Api api = new Api(base);
        try (Browser admin = Browser.open(base)) {
            admin.signIn("admin", "admin-dev");
            By period = By.id("period-transcript");
            admin.waitUntil(d -> "P90D".equals(d.findElement(period).getAttribute("value")));

            admin.type(period, "ninety days");
            admin.driver.findElement(By.id("save-transcript")).click();
            String refused = admin.waitUntil(d -> {
                String text = d.findElement(By.id("error-transcript")).getText();
                return text.isBlank() ? null : text;
            });
            assertTrue(refused.contains("ISO-8601"), refused);

            admin.type(period, "P60D");
            new Select(admin.driver.findElement(By.id("action-transcript"))).selectByValue("DELETE");
            var row = admin.driver.findElement(By.cssSelector("tr[data-category='transcript']"));
            admin.driver.findElement(By.id("save-transcript")).click();
            admin.waitUntil(ExpectedConditions.stalenessOf(row)); // the row is drawn again from the saved policy
            assertTrue(admin.driver.findElement(By.cssSelector("tr[data-category='transcript'] .in-force")).getText()
                    .contains("(admin)"), "shown as in force, set by the admin");
            try {
                JsonObject policy = api.get("api/v1/retention/policies/transcript", Api.ADMIN).json();
                assertEquals("P60D", policy.getString("period"));
                assertEquals("admin", policy.getString("source"));
                assertTrue(api.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS).json().getJsonArray("dataCategories")
                        .getValuesAs(JsonObject.class).stream().anyMatch(c -> c.getString("id").equals("transcript")
                                && c.getString("retention").equals("P60D")), "the notice tells the new period");
                admin.screenshot("admin-retention");

                admin.driver.findElement(By.id("sweep")).click();
                String report = admin.waitFor(By.cssSelector("#sweep-report h2")).getText();
                assertTrue(report.contains("deleted"), report);
                assertFalse(admin.driver.findElements(By.cssSelector("#sweep-report table")).isEmpty());
                admin.screenshot("admin-sweep");

                new Select(admin.driver.findElement(By.id("language"))).selectByValue("pl");
                admin.waitUntil(d -> d.findElement(By.cssSelector("#nav a[href='#retention']")).getText().equals("Retencja"));
                admin.waitUntil(d -> d.findElement(By.id("sweep")).getText().equals("Usuń teraz"));
                admin.screenshot("admin-retention-pl");
                admin.assertNoConsoleErrors();
            } finally {
                api.put("api/v1/retention/policies/transcript", Api.ADMIN, "{\"period\":\"P90D\",\"action\":\"DELETE\"}");
            }
        }
    }
}
