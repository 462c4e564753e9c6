package org.consentry.platform.boundary;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;
import org.consentry.platform.control.JsonShape;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The bounds of the request side that Bean Validation annotations cannot state (OWASP API 2023, API4), so
 * that the document says every limit the server enforces:
 * <ul>
 * <li>limits from configuration: transcript messages per handoff (consentry.escalation.max-transcript-messages,
 * 413 too-many-messages beyond), characters per message (consentry.escalation.max-message-chars);</li>
 * <li>a raw body (a bot platform's own JSON, read as bytes): consentry.http.max-body-bytes (413 beyond);</li>
 * <li>times: an RFC 3339 date-time is at most 35 characters (JsonShape refuses longer), a date 10;</li>
 * <li>integers: the range of their format where the annotations set none (a value outside it cannot be
 * read, and the server answers 400 naming the parameter or member);</li>
 * <li>the maxLength a @Pattern implies ({@code [0-9a-f-]{36}}: 36), where it has one ({@link PatternLength});</li>
 * <li>patterns anchored: Bean Validation's @Pattern matches the whole value, an OpenAPI (JSON Schema)
 * pattern matches anywhere in it, so {@code [a-z]+} is published as {@code ^(?:[a-z]+)$}. The pattern
 * {@code \S} that stands for @NotBlank is a search by meaning and stays as it is.</li>
 * </ul>
 * RequestBoundsIT sends each bound and one past it to the server: the document and the server agree.
 */
final class RequestBounds {

    /** Characters of the longest RFC 3339 instant the server reads: 2026-11-29T10:15:30.123456789+01:00. */
    static final int DATE_TIME_CHARS = JsonShape.MAX_TIME_CHARS;
    static final String NOT_BLANK = "\\S";

    /** A limit from configuration on a member of a request schema. */
    record Configured(String key, int fallback, boolean items) {
    }

    static final Map<String, Configured> CONFIGURED = Map.of(
            "HandoffRequest.transcript", new Configured("consentry.escalation.max-transcript-messages", 200, true),
            "TranscriptLine.text", new Configured("consentry.escalation.max-message-chars", 4000, false),
            "MessageRequest.text", new Configured("consentry.escalation.max-message-chars", 4000, false));

    private final Function<String, Optional<String>> config;
    private final Components components;
    private final Set<String> visited = new HashSet<>();

    RequestBounds(Function<String, Optional<String>> config, Components components) {
        this.config = config;
        this.components = components;
    }

    void bound(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter parameter : parameters) {
            bound(parameter.getSchema(), null);
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
                Schema body = media.getSchema();
                if (body != null && body.getRef() == null && "binary".equals(body.getFormat()) && body.getMaxLength() == null) {
                    long bytes = setting("consentry.http.max-body-bytes", 262_144);
                    body.setMaxLength((int) Math.min(Integer.MAX_VALUE, bytes));
                    body.setDescription("The platform's own JSON, at most " + bytes + " bytes (consentry.http.max-body-bytes;"
                            + " 413 body-too-large beyond).");
                } else {
                    bound(body, null);
                }
            }
        }
    }

    /** Bounds {@code schema}, a member named {@code member} ("Schema.property") or an anonymous one (null). */
    private void bound(Schema schema, String member) {
        if (schema == null) {
            return;
        }
        String owner = null;
        if (schema.getRef() != null) {
            owner = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (!visited.add(owner) || components.getSchemas() == null || !components.getSchemas().containsKey(owner)) {
                return;
            }
            schema = components.getSchemas().get(owner);
        }
        Configured configured = member == null ? null : CONFIGURED.get(member);
        if (configured != null) {
            long limit = setting(configured.key(), configured.fallback());
            if (configured.items()) {
                schema.setMaxItems((int) limit);
            } else {
                schema.setMaxLength((int) limit);
            }
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.STRING)) {
            string(schema);
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            integer(schema);
        }
        if (schema.getProperties() != null) {
            String prefix = owner;
            schema.getProperties().forEach((property, value) -> bound(value, prefix == null ? null : prefix + "." + property));
        }
        bound(schema.getItems(), null);
        for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            parts.forEach(part -> bound(part, null));
        }
    }

    private static List<Schema> nonNull(List<Schema> parts) {
        return parts == null ? List.of() : parts;
    }

    private static void string(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.equals(NOT_BLANK)) {
            if (schema.getMaxLength() == null) {
                PatternLength.of(pattern).ifPresent(longest -> schema.setMaxLength((int) Math.min(Integer.MAX_VALUE, longest)));
            }
            if (!(pattern.startsWith("^") && pattern.endsWith("$"))) {
                schema.setPattern("^(?:" + pattern + ")$");
            }
        }
        if (schema.getMaxLength() == null && "date-time".equals(schema.getFormat())) {
            schema.setMaxLength(DATE_TIME_CHARS);
        } else if (schema.getMaxLength() == null && "date".equals(schema.getFormat())) {
            schema.setMaxLength(10);
        }
    }

    private static void integer(Schema schema) {
        boolean int32 = "int32".equals(schema.getFormat());
        if (schema.getMinimum() == null) {
            schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
        if (schema.getMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
        }
    }

    private long setting(String key, long fallback) {
        return config.apply(key).map(String::strip).map(Long::parseLong).orElse(fallback);
    }
}
