package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.consentry.crypto.control.KeyedHashes;
import org.consentry.escalation.entity.Escalation;

/**
 * A blind index of a sealed reason: the keyed hash of each word an agent is shown (masks hide the rest),
 * so that the queue can be filtered by words without the words being stored. Whoever reads the table
 * sees which rows share a word, never the word; without the key no guess can be checked.
 */
@ApplicationScoped
public class ReasonWords {

    static final String DOMAIN = "consentry/reason-word/v1";
    static final int CHARS = 11;
    static final int MAX_WORDS = (Escalation.REASON_WORDS - 1) / (CHARS + 1);
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Inject
    KeyedHashes hashes;

    /** The index of a text: " h1 h2 ... " (a space on both sides of each hash, for LIKE '% h %'). */
    public String index(String shown) {
        StringBuilder index = new StringBuilder(" ");
        for (String hash : hashes(shown, MAX_WORDS)) {
            index.append(hash).append(' ');
        }
        return index.toString();
    }

    /** The hashes a filter looks for: every word must be a word of the reason. */
    public List<String> query(String words) {
        return hashes(words, MAX_WORDS).stream().toList();
    }

    private Set<String> hashes(String text, int max) {
        Set<String> found = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && found.size() < max) {
                found.add(hashes.of(DOMAIN, word, CHARS));
            }
        }
        return found;
    }
}
