package org.consentry.testing.inserver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.erasure.control.SubjectData;

/**
 * A part of the subject's data that fails its erasure once for the subjects a test names: an erasure
 * that breaks half-way, after other parts have already removed their rows in the same transaction.
 */
@ApplicationScoped
public class SubjectDataFault implements SubjectData {

    private static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    public static void failOnce(String subjectId) {
        FAIL_ONCE.add(subjectId);
    }

    @Override
    public String section() {
        return "zz-fault";
    }

    @Override
    public JsonValue export(String subjectId) {
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    @Override
    public Map<String, Integer> erase(String subjectId) {
        if (FAIL_ONCE.remove(subjectId)) {
            throw new IllegalStateException("injected failure half-way through the erasure");
        }
        return Map.of();
    }
}
