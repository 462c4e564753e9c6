package org.consentry.notice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.testing.Api;
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

/** The public privacy notice, generated from the configured purposes and categories. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivacyNoticeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.component("notice-it", "", "notice");
    }

    @ArquillianResource
    URL base;

    @Test
    void theNoticeIsPublicAndInBothLanguages() {
        Api api = new Api(base);
        var pl = api.get("api/v1/privacy-notice?lang=pl", Api.ANONYMOUS);
        var en = api.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS);
        assertEquals(200, pl.status(), pl::toString);
        assertEquals(200, en.status(), en::toString);
        assertEquals("pl", pl.json().getString("language"));
        assertEquals("pl", pl.header("Content-Language"));
        assertTrue(pl.json().getString("aiDisclosure").startsWith("Rozmawiasz z automatycznym asystentem"));
        assertTrue(en.json().getString("aiDisclosure").startsWith("You are chatting with an automated assistant"));
        assertNotEquals(pl.json().getString("humanAgent"), en.json().getString("humanAgent"));
    }

    @Test
    void everyConfiguredPurposeIsExplainedWithItsLawfulBasis() {
        JsonObject notice = new Api(base).get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS).json();
        List<JsonObject> purposes = notice.getJsonArray("purposes").getValuesAs(JsonObject.class);
        assertEquals(List.of("support-handoff", "crm-sync", "transcript-analytics"),
                purposes.stream().map(p -> p.getString("id")).toList());
        for (JsonObject purpose : purposes) {
            assertEquals("CONSENT", purpose.getString("lawfulBasis"));
            assertEquals("GDPR Art. 6(1)(a)", purpose.getString("legalReference"));
            assertTrue(purpose.getBoolean("consentRequired"));
            assertTrue(purpose.getString("withdrawal").contains("withdraw"));
            assertEquals("2026-11", purpose.getString("noticeVersion"));
        }
        assertEquals(List.of("crm"), purposes.get(1).getJsonArray("recipients").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    @Proves(Duty.GDPR_5_1_E)
    void everyCategoryStatesItsRetention() {
        JsonObject notice = new Api(base).get("api/v1/privacy-notice?lang=pl", Api.ANONYMOUS).json();
        var categories = notice.getJsonArray("dataCategories").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("id"), c -> c));
        assertEquals(Set.of("contact", "transcript", "activity", "technical"), categories.keySet());
        assertEquals("P90D", categories.get("transcript").getString("retention"));
        assertEquals("Przechowujemy je przez 90 dni od zakończenia rozmowy. Potem są usuwane.",
                categories.get("transcript").getString("retentionText"));
        assertEquals("P2Y", categories.get("activity").getString("retention"));
        assertEquals("ANONYMIZE", categories.get("activity").getString("retentionAction"));
        assertTrue(categories.get("activity").getString("retentionText").contains("2 lata"));
        assertEquals("relationship-end", categories.get("contact").getString("retentionStarts"));
        assertEquals("P30D", categories.get("technical").getString("retention"));
    }

    @Test
    void theRightsOfTheDataSubjectAreListed() {
        JsonObject notice = new Api(base).get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS).json();
        Set<String> articles = notice.getJsonArray("rights").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("article")).collect(Collectors.toSet());
        assertTrue(articles.containsAll(Set.of("15", "16", "17", "18", "20", "21", "7(3)", "77")), articles::toString);
    }

    @Test
    void acceptLanguageChoosesWhenLangIsAbsent() {
        Api api = new Api(base);
        var polish = api.send(api.request("api/v1/privacy-notice", Api.ANONYMOUS).header("Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5").GET());
        assertEquals("pl", polish.json().getString("language"));
        var german = api.send(api.request("api/v1/privacy-notice", Api.ANONYMOUS).header("Accept-Language", "de-DE").GET());
        assertEquals("en", german.json().getString("language"));
    }

    @Test
    void anUnsupportedLanguageIs400() {
        var reply = new Api(base).get("api/v1/privacy-notice?lang=de", Api.ANONYMOUS);
        assertEquals(400, reply.status());
        assertEquals("lang", reply.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void onlyReadingIsPublic() {
        var reply = new Api(base).post("api/v1/privacy-notice", Api.ANONYMOUS, "{}");
        assertTrue(reply.status() == 401 || reply.status() == 403, reply::toString);
        reply.problem();
    }
}
