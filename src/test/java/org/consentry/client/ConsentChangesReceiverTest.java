package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.enterprise.event.Event;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.outbox.control.WebhookSigner;
import org.junit.jupiter.api.Test;

/**
 * What the host's receiver does with each signed notice: a consent change drops that answer, an erasure
 * drops everything of the subject and raises SubjectErased before the 204 (the host's receipt), and what is
 * not a notice changes nothing.
 */
class ConsentChangesReceiverTest {

    static final String SECRET = "whsec_Y29uc2VudHJ5LWhvc3QtdGVzdC1zZWNyZXQtMDEyMzQ1";

    final ConsentClient client = new ConsentClient();
    final HostKeyRing keys = new HostKeyRing();
    final List<SubjectErased> fired = new ArrayList<>();
    final ConsentChangesReceiver receiver = new ConsentChangesReceiver();

    ConsentChangesReceiverTest() throws Exception {
        set(client, "cache", new DecisionCache(100, System::nanoTime));
        set(client, "maxRemember", Duration.ofMinutes(1));
        set(keys, "maxTtl", Duration.ofMinutes(1));
        set(keys, "capacity", 100);
        set(receiver, "consentry", client);
        set(receiver, "keys", keys);
        set(receiver, "verifier", new WebhookVerifier(SECRET));
        @SuppressWarnings("unchecked")
        Event<SubjectErased> event = (Event<SubjectErased>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Event.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        fired.add((SubjectErased) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        set(receiver, "erased", event);
    }

    @Test
    void anErasureDropsEverythingOfTheSubjectAndRaisesTheEventBeforeItsReceipt() throws Exception {
        remember("s-1", "crm-sync");
        remember("s-1", "support-handoff");
        remember("s-2", "crm-sync");
        assertEquals(204, post("{\"type\":\"subject.erased\",\"subjectId\":\"s-1\",\"requestId\":\"r-1\"}", true));
        assertEquals(List.of(new SubjectErased("s-1", "r-1")), fired);
        assertNull(answer(new DecisionCache.Key("s-1", "crm-sync")));
        assertNull(answer(new DecisionCache.Key("s-1", "support-handoff")));
        assertNotNull(answer(new DecisionCache.Key("s-2", "crm-sync")), "another subject is untouched");
    }

    @Test
    void aConsentChangeDropsThatAnswerOnly() throws Exception {
        remember("s-1", "crm-sync");
        remember("s-1", "support-handoff");
        assertEquals(204, post("{\"type\":\"consent.changed\",\"subjectId\":\"s-1\",\"purpose\":\"crm-sync\",\"change\":\"WITHDRAWN\"}", true));
        assertNull(answer(new DecisionCache.Key("s-1", "crm-sync")));
        assertNotNull(answer(new DecisionCache.Key("s-1", "support-handoff")));
        assertEquals(List.of(), fired);
    }

    @Test
    void anUnsignedNoticeOrOneThatIsNoNoticeChangesNothing() throws Exception {
        remember("s-1", "crm-sync");
        assertEquals(401, post("{\"type\":\"subject.erased\",\"subjectId\":\"s-1\",\"requestId\":\"r-1\"}", false));
        assertEquals(400, post("[1,2]", true));
        assertEquals(400, post("{\"type\":\"subject.erased\"}", true), "no subject");
        assertEquals(204, post("{\"type\":\"something.later\",\"subjectId\":\"s-1\"}", true), "a later kind: accepted, ignored");
        assertNotNull(answer(new DecisionCache.Key("s-1", "crm-sync")));
        assertEquals(List.of(), fired);
    }

    private void remember(String subject, String purpose) throws Exception {
        ((DecisionCache) get(client, "cache")).put(new DecisionCache.Key(subject, purpose), true, Duration.ofMinutes(1).toNanos());
    }

    private Boolean answer(DecisionCache.Key key) {
        try {
            return ((DecisionCache) get(client, "cache")).get(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a notice as Consentry does (signed, or not) and answers the status the receiver set. */
    private int post(String body, boolean signed) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new java.util.HashMap<>(Map.of("webhook-id", "msg_1", "webhook-timestamp", Long.toString(now)));
        if (signed) {
            headers.put("webhook-signature", WebhookSigner.configured("k", Optional.of(SECRET), Optional.empty()).orElseThrow()
                    .signatures("msg_1", now, body));
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        ServletInputStream in = new ServletInputStream() {
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            public boolean isReady() {
                return true;
            }

            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }

            public int read() {
                return bytes.read();
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getInputStream" -> in;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        int[] status = {0};
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setStatus") || method.getName().equals("sendError")) {
                        status[0] = (Integer) args[0];
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        receiver.doPost(request, response);
        return status[0];
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static Object get(Object target, String name) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
