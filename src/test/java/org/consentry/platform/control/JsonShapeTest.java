package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks made on a JSON body before it is bound: errors by path, never with the value. */
class JsonShapeTest {

    enum From { CUSTOMER, BOT }

    record Line(From from, String text, Instant at) {
    }

    record Customer(String name, String email) {
    }

    record Handoff(String conversationId, Customer customer, List<Line> transcript, int priority, Boolean urgent) {
    }

    private static List<FieldError> check(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return JsonShape.check(value, Handoff.class);
        }
    }

    @Test
    void aWellShapedBodyHasNoErrors() {
        assertEquals(List.of(), check("""
                {"conversationId":"c-1","customer":{"name":"Ala","email":"ala@example.com"},
                 "transcript":[{"from":"CUSTOMER","text":"hi","at":"2026-11-29T10:00:00Z"}],"priority":2,"urgent":null}"""));
    }

    @Test
    void unknownMembersAreNamedAtAnyDepth() {
        assertEquals(List.of(new FieldError("nickname", "unknown member"),
                        new FieldError("customer.pesel", "unknown member"),
                        new FieldError("transcript[0].mood", "unknown member")),
                check("""
                        {"nickname":"x","customer":{"pesel":"44051401359"},"transcript":[{"mood":"sad"}]}"""));
    }

    @Test
    void wrongTypesAreNamedWithoutTheirValues() {
        var errors = check("""
                {"conversationId":5,"customer":"Ala","transcript":{"a":1},"priority":1.5,"urgent":"yes"}""");
        assertEquals(List.of(new FieldError("conversationId", "must be a string"),
                new FieldError("customer", "must be an object"),
                new FieldError("transcript", "must be an array"),
                new FieldError("priority", "must be a whole number"),
                new FieldError("urgent", "must be true or false")), errors);
        errors.forEach(e -> assertEquals(false, e.message().contains("Ala")));
    }

    @Test
    void enumsAndInstantsAreChecked() {
        var errors = check("""
                {"transcript":[{"from":"AGENT","at":"yesterday"},{"from":"BOT","at":"2026-11-29T10:00:00+01:00"}]}""");
        assertEquals(List.of(new FieldError("transcript[0].from", "must be one of [CUSTOMER, BOT]"),
                new FieldError("transcript[0].at", "must be an ISO-8601 instant with offset (2026-11-29T10:15:30Z)")), errors);
    }

    @Test
    void aTimeIsAtMostTheLengthTheDocumentStates() {
        assertEquals(List.of(), check("""
                {"transcript":[{"from":"BOT","at":"2026-11-29T10:15:30.123456789+01:00"}]}"""), "35 characters");
        assertEquals(List.of(new FieldError("transcript[0].at", "must be an ISO-8601 instant with offset, at most 35 characters"
                + " (2026-11-29T10:15:30.123456789+01:00)")), check("""
                {"transcript":[{"from":"BOT","at":"+10000-11-29T10:15:30.123456789+01:00"}]}"""), "parses, but is longer");
    }

    @Test
    void nullForAPrimitiveIsAnErrorAndTheBodyMustBeAnObject() {
        assertEquals(List.of(new FieldError("priority", "must not be null")), check("{\"priority\":null}"));
        assertEquals(List.of(new FieldError("body", "must be an object")), check("[1,2]"));
    }
}
