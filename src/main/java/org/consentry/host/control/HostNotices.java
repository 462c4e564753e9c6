package org.consentry.host.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Tells a host application that a subject's consent to a purpose changed, so that the client jar drops
 * what it remembers of it at once instead of when its cache entry expires: a signed POST (Standard
 * Webhooks, the entry's id as webhook-id) of {"type":"consent.changed","subjectId","purpose","change"}.
 * The host already keys its data by the subject id; nothing else about the subject is sent. A subject's
 * erasure goes the same way ({@link #ERASURE}, HostRecipient).
 */
@ApplicationScoped
public class HostNotices implements DeliveryHandler {

    public static final String KIND = "host.consent-changed";
    /** A subject's erasure, told to the host: {"type":"subject.erased","subjectId","requestId"}. */
    public static final String ERASURE = "host.erasure";

    @Inject
    HostSettings settings;

    @Inject
    SignedPost post;

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind) || ERASURE.equals(kind);
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        Optional<HostSettings.Host> host = settings.host(entry.target());
        if (host.isEmpty()) {
            return new DeliveryResult.Obsolete("host " + entry.target() + " is no longer configured");
        }
        if (entry.subjectId() == null) {
            return new DeliveryResult.Obsolete("the subject was erased");
        }
        if (ERASURE.equals(entry.kind())) {
            return post.send(host.get().url(), JSON.createObjectBuilder().add("type", "subject.erased").add("subjectId", entry.subjectId())
                    .add("requestId", entry.reference()).build().toString(), host.get().signer(), entry.id(), Map.of());
        }
        int colon = entry.reference().lastIndexOf(':');
        String body = JSON.createObjectBuilder().add("type", "consent.changed").add("subjectId", entry.subjectId())
                .add("purpose", entry.reference().substring(0, colon)).add("change", entry.reference().substring(colon + 1))
                .build().toString();
        return post.send(host.get().url(), body, host.get().signer(), entry.id(), Map.of());
    }
}
