package org.consentry.client;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where Consentry tells the host that a subject's consent changed (consentry.host.&lt;id&gt;.url points here:
 * POST {host}/consentry/consent-changes): a signed notice, checked with consentry.client.webhook-secret, that
 * makes the client forget its answer for the subject and purpose, so that a withdrawal stops the host's
 * guarded calls at once rather than when the answer would have expired. Unsigned, badly signed or stale
 * notices are 401 and change nothing; at most 16 KiB are read. The host must leave this path outside its
 * own login (the signature is the authentication).
 */
@WebServlet(urlPatterns = "/consentry/consent-changes")
public class ConsentChangesReceiver extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 16 * 1024;

    @Inject
    ConsentClient consentry;

    private transient WebhookVerifier verifier;

    @Override
    public void init() {
        verifier = new WebhookVerifier(ConfigProvider.getConfig().getValue("consentry.client.webhook-secret", String.class));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BYTES + 1);
        }
        if (raw.length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        if (!verifier.verifies(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), body, System.currentTimeMillis() / 1000)) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        JsonObject notice;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            notice = reader.readObject();
            if (!"consent.changed".equals(notice.getString("type"))) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT); // a later kind of notice: nothing to do here
                return;
            }
            consentry.forget(notice.getString("subjectId"), notice.getString("purpose"));
        } catch (RuntimeException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
