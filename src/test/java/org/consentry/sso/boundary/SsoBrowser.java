package org.consentry.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.consentry.testing.Browser;
import org.consentry.testing.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The console driven through single sign-on: Keycloak's own login page, and requests as the page makes them. */
final class SsoBrowser {

    private SsoBrowser() {
    }

    /** From the console's button to Keycloak's login page of the consentry realm. */
    static void toKeycloakLogin(Browser browser, Keycloak keycloak) {
        browser.go("console/");
        browser.click(By.id("sso"));
        onKeycloakLogin(browser, keycloak);
    }

    static void onKeycloakLogin(Browser browser, Keycloak keycloak) {
        try {
            browser.waitFor(By.id("username"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("sso-no-keycloak-login");
            throw new AssertionError("not on Keycloak's login page: " + browser.driver.getCurrentUrl() + "\n"
                    + browser.driver.getPageSource().substring(0, Math.min(2000, browser.driver.getPageSource().length())), e);
        }
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.startsWith(keycloak.issuer("consentry") + "/protocol/openid-connect/auth"), url);
        assertTrue(url.contains("code_challenge_method=S256") && url.contains("code_challenge="), "PKCE S256: " + url);
    }

    /** Signs in at Keycloak and waits for the console to show the user. */
    static void signIn(Browser browser, Keycloak keycloak, String user, String password) {
        toKeycloakLogin(browser, keycloak);
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), password);
        browser.click(By.id("kc-login"));
        browser.waitUntil(d -> user.equals(d.findElement(By.id("who")).getText()));
    }

    /** The console's page links (#desk, #retention...). */
    static List<String> pages(Browser browser) {
        browser.waitFor(By.cssSelector("#nav a"));
        return browser.driver.findElements(By.cssSelector("#nav a")).stream().map(a -> a.getAttribute("href"))
                .map(href -> href.substring(href.indexOf('#') + 1)).toList();
    }

    /**
     * A request as the console's session makes it (its cookies, no Authorization header, redirects not
     * followed): "status body", status 0 when the server sends the browser to the provider instead.
     */
    static Answer fetch(Browser browser, String method, String path) {
        Object answer = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
                        headers: {'Accept': 'application/json, application/problem+json'}})
                    .then(r => r.text().then(t => done(r.status + ' ' + t)))
                    .catch(e => done('-1 ' + e));
                """, method, "/" + path);
        String text = String.valueOf(answer);
        int space = text.indexOf(' ');
        return new Answer(Integer.parseInt(text.substring(0, space)), text.substring(space + 1));
    }

    /** The console's marker cookie, as its single sign-on button sets it. */
    static void mark(Browser browser) {
        browser.script("document.cookie = 'consentry_sso=1; Path=/; SameSite=Lax'");
    }

    static WebElement signOut(Browser browser) {
        WebElement button = browser.waitFor(By.id("signout"));
        button.click();
        return button;
    }

    record Answer(int status, String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }
}
