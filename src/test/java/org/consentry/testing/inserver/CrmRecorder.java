package org.consentry.testing.inserver;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A CRM webhook stand-in served by the test deployment itself (outside /api, so without a role), for
 * tests that run inside the server: it records what the outbox delivers and answers 204.
 */
@WebServlet("/test-crm/*")
public class CrmRecorder extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** One delivery as received: its webhook-id, webhook-signature and body. */
    public record Delivery(String webhookId, String signature, String body) {
    }

    public static final List<Delivery> RECEIVED = new CopyOnWriteArrayList<>();

    /** The stand-in's URL on the test server's HTTP port. */
    public static String url() {
        return "http://localhost:" + System.getProperty("it.http.port", "19080") + "/test-crm/events";
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Delivery(request.getHeader("webhook-id"), request.getHeader("webhook-signature"), body));
        response.setStatus(204);
    }

    public static List<Delivery> about(String subjectId) {
        return RECEIVED.stream().filter(d -> d.body().contains("\"" + subjectId + "\"")).toList();
    }
}
