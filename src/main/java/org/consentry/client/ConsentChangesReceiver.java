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
 * makes the client forget its answer for the subject and purpose (and the subject's keys), so that a withdrawal stops the host's
 * guarded calls at once rather than when the answer would have expired; and a subject's erasure, which
 * drops everything the client remembers of the subject and raises {@link SubjectErased} in the host (its
 * 204, after the host's observers returned, is the host's receipt). Unsigned, badly signed or stale
 * notices are 401 and change nothing; at most 16 KiB are read. The host must leave this path outside its
 * own login (the signature is the authentication).
 */
@WebServlet(urlPatterns = "/consentry/consent-changes")
public class ConsentChangesReceiver extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 16 * 1024;

    @Inject
    ConsentClient consentry;

    @Inject
    HostKeyRing keys;

    @Inject
    jakarta.enterprise.event.Event<SubjectErased> erased;

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
        String type;
        String subject;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            notice = reader.readObject();
            type = notice.getString("type");
            subject = notice.getString("subjectId");
        } catch (jakarta.json.JsonException | ClassCastException | NullPointerException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST); // signed by Consentry, yet not a notice: say so
            return;
        }
        if ("subject.erased".equals(type)) {
            consentry.forgetSubject(subject);
            keys.forget(subject, null);
            // the host's own rows: an observer's failure is no receipt (500), and Consentry sends the notice again
            erased.fire(new SubjectErased(subject, notice.getString("requestId", null)));
        } else if ("consent.changed".equals(type)) {
            String purpose = notice.getString("purpose", null);
            consentry.forget(subject, purpose);
            // an erasure ends every purpose of the subject: drop all its keys; a grant or withdrawal, that purpose's
            keys.forget(subject, "ERASED".equals(notice.getString("change", "")) ? null : purpose);
        } // a later kind of notice: nothing to do here
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
