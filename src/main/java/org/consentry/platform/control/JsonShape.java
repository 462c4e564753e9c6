package org.consentry.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a parsed JSON body against the record it is meant to bind to, before binding: unknown
 * members, wrong JSON types, unknown enum values and unparsable times are reported by path
 * ({@code customer.email}, {@code transcript[2].at}), never with the value that was sent.
 */
public final class JsonShape {

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, float.class, Double.class, Float.class);
    /**
     * The longest time the API takes, as its document says: 2026-11-29T10:15:30.123456789+01:00. A year past
     * 9999 (+10000-01-01T...) would parse, and is no time a conversation or a breach happened in.
     */
    public static final int MAX_TIME_CHARS = 35;
    static final int MAX_DATE_CHARS = 10;

    /** Reflection on a record's components is not free: once per class. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private JsonShape() {
    }

    public static List<FieldError> check(JsonValue value, Type type) {
        List<FieldError> errors = new ArrayList<>();
        check(value, type, "", errors);
        return errors;
    }

    private static void check(JsonValue value, Type type, String path, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                errors.add(new FieldError(name(path), "must not be null"));
            }
            return;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                if (!(value instanceof JsonArray array)) {
                    errors.add(new FieldError(name(path), "must be an array"));
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), args[0], path + "[" + i + "]", errors);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!(value instanceof JsonObject object)) {
                    errors.add(new FieldError(name(path), "must be an object"));
                    return;
                }
                object.forEach((key, member) -> check(member, args[1], child(path, key), errors));
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (c.isRecord()) {
            checkRecord(value, c, path, errors);
        } else if (c == String.class || c == URI.class || c == UUID.class) {
            requireString(value, c, path, errors);
        } else if (c == Instant.class || c == OffsetDateTime.class || c == LocalDate.class) {
            requireTime(value, c, path, errors);
        } else if (INTEGRAL.contains(c)) {
            if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                errors.add(new FieldError(name(path), "must be a whole number"));
            }
        } else if (DECIMAL.contains(c)) {
            if (!(value instanceof JsonNumber)) {
                errors.add(new FieldError(name(path), "must be a number"));
            }
        } else if (c == boolean.class || c == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(name(path), "must be true or false"));
            }
        } else if (c.isEnum()) {
            requireConstant(value, c, path, errors);
        }
    }

    private static void checkRecord(JsonValue value, Class<?> type, String path, List<FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(name(path), "must be an object"));
            return;
        }
        RecordComponent[] components = COMPONENTS.get(type);
        for (String key : object.keySet()) {
            if (Arrays.stream(components).noneMatch(rc -> rc.getName().equals(key))) {
                errors.add(new FieldError(child(path, key), "unknown member"));
            }
        }
        for (RecordComponent component : components) {
            if (object.containsKey(component.getName())) {
                check(object.get(component.getName()), component.getGenericType(), child(path, component.getName()), errors);
            }
        }
    }

    private static void requireString(JsonValue value, Class<?> type, String path, List<FieldError> errors) {
        if (!(value instanceof JsonString s)) {
            errors.add(new FieldError(name(path), "must be a string"));
            return;
        }
        try {
            if (type == URI.class) {
                URI.create(s.getString());
            } else if (type == UUID.class) {
                UUID.fromString(s.getString());
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name(path), type == URI.class ? "must be a URI" : "must be a UUID"));
        }
    }

    private static void requireTime(JsonValue value, Class<?> type, String path, List<FieldError> errors) {
        if (!(value instanceof JsonString s)) {
            errors.add(new FieldError(name(path), "must be an ISO-8601 string"));
            return;
        }
        if (s.getString().length() > (type == LocalDate.class ? MAX_DATE_CHARS : MAX_TIME_CHARS)) {
            errors.add(new FieldError(name(path), type == LocalDate.class ? "must be an ISO-8601 date (2026-11-29)"
                    : "must be an ISO-8601 instant with offset, at most " + MAX_TIME_CHARS + " characters"
                    + " (2026-11-29T10:15:30.123456789+01:00)"));
            return;
        }
        try {
            if (type == Instant.class) {
                Instant.parse(s.getString());
            } else if (type == OffsetDateTime.class) {
                OffsetDateTime.parse(s.getString());
            } else {
                LocalDate.parse(s.getString());
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name(path), type == LocalDate.class
                    ? "must be an ISO-8601 date (2026-11-29)"
                    : "must be an ISO-8601 instant with offset (2026-11-29T10:15:30Z)"));
        }
    }

    private static void requireConstant(JsonValue value, Class<?> type, String path, List<FieldError> errors) {
        Object[] constants = type.getEnumConstants();
        List<String> names = Arrays.stream(constants).map(k -> ((Enum<?>) k).name()).toList();
        if (!(value instanceof JsonString s) || !names.contains(s.getString())) {
            errors.add(new FieldError(name(path), "must be one of " + names));
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
