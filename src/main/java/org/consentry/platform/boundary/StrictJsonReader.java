package org.consentry.platform.boundary;

import static org.consentry.platform.control.JsonProviders.JSON;

import jakarta.annotation.PreDestroy;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.consentry.platform.control.FieldError;
import org.consentry.platform.control.JsonShape;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Reads every JSON request body that binds to a record, strictly: the body must be well-formed, must
 * not carry members the record does not declare, and must have the JSON types the record expects.
 * Errors name the member and never echo the value sent (it may be personal data).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream body = new PushbackInputStream(entity, 1);
        int first = body.read();
        if (first < 0) {
            throw new ProblemException(Problems.VALIDATION, "A JSON object is required as the request body.")
                    .with("field", "body");
        }
        body.unread(first);
        JsonValue value = parse(body);
        List<FieldError> errors = JsonShape.check(value, genericType);
        if (!errors.isEmpty()) {
            throw new InvalidBodyException(errors);
        }
        try {
            return type.cast(jsonb.fromJson(value.toString(), genericType));
        } catch (JsonbException e) {
            throw new ProblemException(Problems.MALFORMED_BODY,
                    "The JSON body could not be bound to the expected shape.");
        }
    }

    private static JsonValue parse(InputStream body) throws IOException {
        try (JsonReader reader = JSON.createReader(body)) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new ProblemException(Problems.MALFORMED_BODY, at == null
                    ? "The request body is not well-formed JSON."
                    : "The request body is not well-formed JSON (line " + at.getLineNumber()
                            + ", column " + at.getColumnNumber() + ").");
        } catch (jakarta.json.JsonException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            throw new ProblemException(Problems.MALFORMED_BODY, "The request body is not well-formed JSON.");
        }
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing to release that matters at shutdown
        }
    }
}
