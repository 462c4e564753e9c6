package org.consentry.outbox.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpRequest;
import java.util.Map;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.outbox.entity.OutboxTrace;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries a trace across the outbox: the enqueuing request's traceparent is stored with the entry, the
 * worker's delivery span continues it, and every HTTP call of the delivery carries the delivery span's
 * traceparent to the recipient. Spans hold ids and names of kinds only, never a subject or a value.
 * With tracing off (otel.sdk.disabled, the default) no span is valid, nothing is stored or sent.
 */
@ApplicationScoped
public class DeliveryTraces {

    public static final String SPAN = "consentry.outbox.deliver";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Tracer tracer;

    @Inject
    @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
    boolean tracingOff;

    /** In the enqueuing transaction: remembers the current trace with the entry, if there is one. */
    public void remember(OutboxEntry entry) {
        Span current = Span.current();
        if (current.getSpanContext().isValid()) {
            em.persist(new OutboxTrace(entry, traceParent(current)));
        }
    }

    /**
     * Starts the delivery span of an entry, a child of the trace that enqueued it (or a root). With tracing
     * off, the span is the invalid one and nothing is read: no lookup per delivery that no one would see.
     */
    public Span start(OutboxEntry entry) {
        if (tracingOff) {
            return Span.getInvalid();
        }
        OutboxTrace trace = em.find(OutboxTrace.class, entry.id());
        Context parent = trace == null ? Context.root()
                : W3C.extract(Context.root(), Map.of("traceparent", trace.traceParent()), MAP);
        return tracer.spanBuilder(SPAN).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("consentry.outbox.entry_id", entry.id())
                .setAttribute("consentry.outbox.kind", entry.kind())
                .setAttribute("consentry.outbox.recipient", entry.recipient())
                .setAttribute("consentry.outbox.attempt", (long) entry.attempts() + 1)
                .startSpan();
    }

    /** Adds the current span's traceparent to an outbound request (nothing when no trace is recorded). */
    public static HttpRequest.Builder propagate(HttpRequest.Builder request) {
        W3C.inject(Context.current(), request, (builder, key, value) -> builder.header(key, value));
        return request;
    }

    private static String traceParent(Span span) {
        var context = span.getSpanContext();
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
