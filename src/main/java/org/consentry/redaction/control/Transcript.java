package org.consentry.redaction.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;
import org.consentry.redaction.entity.RedactedText;
import org.consentry.redaction.entity.Replacement;

/**
 * The redaction of one conversation, message by message. Placeholders are numbered per type in the
 * order values first appear, and the same value (in normal form: see {@link ValueKeys}) keeps its
 * placeholder in every later message; the tokenizer is likewise asked once per value, so a card
 * mentioned twice gets one token. Not thread-safe: a conversation's messages come one after another.
 */
public final class Transcript {

    private final PiiScanner scanner;
    private final ValueKeys keys;
    private final RedactionPolicy policy;
    private final Tokenizer tokenizer;
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final int[] counters = new int[PiiType.values().length];

    Transcript(PiiScanner scanner, ValueKeys keys, RedactionPolicy policy, Tokenizer tokenizer) {
        this.scanner = scanner;
        this.keys = keys;
        this.policy = policy;
        this.tokenizer = tokenizer;
    }

    public RedactedText redact(String text) {
        Objects.requireNonNull(text, "text");
        List<Finding> findings = scanner.scan(text);
        if (findings.isEmpty()) {
            return new RedactedText(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        List<Replacement> replacements = new ArrayList<>(findings.size());
        int copied = 0;
        for (Finding f : findings) {
            out.append(text, copied, f.start());
            String original = text.substring(f.start(), f.end());
            Operator operator = policy.operatorFor(f.type());
            String replacement = replace(f.type(), operator, original);
            int start = out.length();
            out.append(replacement);
            replacements.add(new Replacement(f.type(), operator, start, out.length(),
                    operator == Operator.DROP ? null : original, replacement));
            copied = f.end();
        }
        out.append(text, copied, text.length());
        return new RedactedText(out.toString(), replacements);
    }

    private String replace(PiiType type, Operator operator, String original) {
        return switch (operator) {
            case MASK -> Masks.mask(type, original);
            case PLACEHOLDER -> placeholders.computeIfAbsent(keys.key(type, original),
                    k -> "[" + type.name() + "_" + (++counters[type.ordinal()]) + "]");
            case TOKENIZE -> tokens.computeIfAbsent(keys.key(type, original), k -> token(type, original));
            case DROP -> "[" + type.name() + "]";
        };
    }

    private String token(PiiType type, String original) {
        // the message names the type only: the value is personal data
        return Objects.requireNonNull(tokenizer.tokenize(type, original), () -> "the tokenizer returned null for a " + type);
    }
}
