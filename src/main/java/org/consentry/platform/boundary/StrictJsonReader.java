package org.consentry.platform.boundary;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
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
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.consentry.platform.control.FieldError;
import org.consentry.platform.control.JsonShape;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every JSON request body that binds to a record, strictly: the body must be well-formed UTF-8
 * (RFC 8259 section 8.1; a malformed byte is refused, not replaced), stay within the bounds of
 * BoundedJsonReader (nesting: consentry.http.max-json-depth), not carry members the record does not declare, and have the JSON
 * types the record expects. Errors name the member and never echo the value sent (it may be personal data).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

    /**
     * JSON-P's readers with Parsson's (jsonp-2.1) refusal of an object that names a member twice, which would
     * otherwise be read as its last value (docs/adr/0007-hand-written-strict-json-reading.md). A standard
     * JSON-P call: another provider ignores the property it does not know, and MalformedInputIT fails.
     */
    private static final String REJECT_DUPLICATES = "org.eclipse.parsson.rejectDuplicateKeys";
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of(REJECT_DUPLICATES, true));

    private final Jsonb jsonb = JsonbBuilder.create();

    @Inject
    @ConfigProperty(name = "consentry.http.max-json-depth", defaultValue = "32")
    int maxDepth;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream body = new PushbackInputStream(entity, 1);
        int first;
        try {
            first = body.read();
        } catch (BodyTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException broken) {
            throw unreadable();
        }
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

    private JsonValue parse(InputStream body) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader text = new BoundedJsonReader(new InputStreamReader(body, strict), maxDepth);
        try (JsonReader reader = READERS.createReader(text)) {
            return reader.readValue();
        } catch (jakarta.json.JsonException e) {
            // what the readers under the parser refused comes as the cause
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException tooLarge) {
                    throw tooLarge;
                }
                if (t instanceof BoundedJsonReader.OverLimit over) {
                    throw new ProblemException(Problems.MALFORMED_BODY, over.getMessage());
                }
                if (t instanceof CharacterCodingException) {
                    throw new ProblemException(Problems.MALFORMED_BODY, "The request body is not valid UTF-8.");
                }
                if (t instanceof IOException) {
                    throw unreadable();
                }
            }
            var at = e instanceof JsonParsingException parsing ? parsing.getLocation() : null;
            // Parsson's words for a repeated member ("Duplicate key 'name' is not allowed"), never echoed
            String what = String.valueOf(e.getMessage()).startsWith("Duplicate key ")
                    ? "An object in the request body names a member twice" : "The request body is not well-formed JSON";
            throw new ProblemException(Problems.MALFORMED_BODY, at == null ? what + "."
                    : what + " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ").");
        }
    }

    /**
     * The body broke off on the way in (a chunk length that is not a number, a connection closed before
     * Content-Length bytes came): the client's fault, not an incident of the server.
     */
    private static ProblemException unreadable() {
        return new ProblemException(Problems.MALFORMED_BODY,
                "The request body could not be read to its end (broken chunked encoding or a connection closed early).");
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
