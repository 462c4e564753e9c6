package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 5: failed Basic sign-ins lock the name, then the address, with Retry-After; while
 * locked the right password is refused too; each lockout is audited without the name or address in
 * clear; bearer tokens are not affected. The buckets' keys hold their rate, and the window here is
 * drawn for each run, so that a run on the same database (the Derby one under target/ keeps what
 * earlier runs left) starts with full buckets, and the development users are locked only for this
 * deployment's rates, never for the other tests'.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInLockoutIT {

    static final int USER_FAILURES = 3;
    static final int ADDRESS_FAILURES = 8;

    @Deployment(testable = false)
    static WebArchive deployment() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Deployments.application(Tokens.serverConfig()
                + "consentry.sign-in.user-failures=" + USER_FAILURES + "\n"
                + "consentry.sign-in.address-failures=" + ADDRESS_FAILURES + "\n"
                + "consentry.sign-in.window=PT" + random.nextInt(3_600, 7_200) + "S\n"
                + "consentry.sign-in.daily-factor=" + random.nextInt(1_000, 100_000) + "\n"
                + "consentry.sign-in.recheck=PT0.001S\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void signInLockout_failuresLockTheNameThenTheAddressAndTheRightPasswordWaitsToo() {
        Api api = new Api(base);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String path = "api/v1/subjects/lockout-" + UUID.randomUUID() + "/consents";

        for (int i = 1; i < USER_FAILURES; i++) {
            var refused = api.get(path, "agent2:guess-" + i);
            assertEquals(401, refused.status(), refused::toString);
            assertTrue(refused.problem().getString("type").endsWith("/unauthenticated"), refused::toString);
        }
        var locking = api.get(path, "agent2:guess-" + USER_FAILURES);
        assertLocked(locking);
        var rightPassword = api.get(path, Api.AGENT2);
        assertLocked(rightPassword);
        assertFalse(rightPassword.text().contains("agent2"), "the answer does not say whether the password was right");

        var otherUser = api.get("api/v1/escalations?status=WAITING&limit=1", Api.AGENT1);
        assertEquals(200, otherUser.status(), "another name from the same address is not locked: " + otherUser);

        // password spraying: one guess per name, from one address
        for (int i = USER_FAILURES + 1; i < ADDRESS_FAILURES; i++) {
            assertEquals(401, api.get(path, "spray-" + UUID.randomUUID() + ":guess").status());
        }
        assertLocked(api.get(path, "spray-" + UUID.randomUUID() + ":guess"));
        assertLocked(api.get("api/v1/escalations?status=WAITING&limit=1", Api.AGENT1));

        String admin = Tokens.token("dpo-lockout", "admin");
        var audit = api.send(api.request("api/v1/audit?from=" + start + "&limit=1000", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + admin).GET());
        assertEquals(200, audit.status(), "bearer tokens are not passwords: not locked: " + audit);
        List<JsonObject> lockouts = audit.structure().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("action").equals("auth.sign-in-locked")).toList();
        assertEquals(2, lockouts.size(), () -> "the name's lockout and the address's: " + lockouts);
        for (JsonObject lockout : lockouts) {
            assertEquals("system:sign-in", lockout.getString("actor"));
            assertEquals("DENIED", lockout.getString("outcome"));
            String detail = lockout.getString("detail");
            assertTrue(detail.matches("user u_[A-Za-z0-9_-]{16} from address a_[A-Za-z0-9_-]{16} locked for \\d+ s"), detail);
            assertFalse(detail.contains("agent2") || detail.contains("spray") || detail.contains("127.0.0.1"), detail);
        }
    }

    private static void assertLocked(Api.Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        JsonObject problem = reply.problem();
        assertTrue(problem.getString("type").endsWith("/sign-in-locked"), reply::toString);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1, reply::toString);
        assertEquals(retryAfter, problem.getJsonNumber("retryAfterSeconds").longValue(), reply::toString);
        assertEquals(null, reply.header("WWW-Authenticate"), "no new challenge while locked");
    }
}
