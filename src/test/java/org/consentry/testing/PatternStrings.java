package org.consentry.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes strings that match a regular expression of the subset the OpenAPI document uses (classes,
 * ranges, groups, alternation, quantifiers, lookaheads), so that generated input passes the pattern
 * check and reaches the code behind it. Unbounded repeats are kept short.
 */
public final class PatternStrings {

    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int UNBOUNDED = 8;

    private final Random random;
    private String regex;
    private int at;
    /** Building the longest match: each repeat its most, unbounded ones up to {@link #cap}, the longest branch. */
    private boolean longest;
    private int cap;

    public PatternStrings(Random random) {
        this.random = random;
    }

    /** A string in which the pattern is found (OpenAPI patterns are not anchored), or null after ten tries. */
    public String matching(String pattern) {
        Pattern compiled = Pattern.compile(pattern);
        for (int attempt = 0; attempt < 10; attempt++) {
            regex = pattern;
            at = 0;
            StringBuilder out = new StringBuilder();
            alternation(out);
            if (compiled.matcher(out).find()) {
                return out.toString();
            }
        }
        return null;
    }

    /**
     * A string of exactly {@code length} characters that the pattern matches in full (as @Pattern does), or
     * null when the longest match is of another length: the value at a documented maxLength.
     */
    public String ofLength(String pattern, int length) {
        Pattern compiled = Pattern.compile(pattern);
        try {
            longest = true;
            cap = length;
            regex = pattern;
            at = 0;
            StringBuilder out = new StringBuilder();
            alternation(out);
            String text = out.length() > length ? out.substring(0, length) : out.toString();
            return text.length() == length && compiled.matcher(text).matches() ? text : null;
        } finally {
            longest = false;
        }
    }

    private void alternation(StringBuilder out) {
        List<StringBuilder> branches = new ArrayList<>();
        branches.add(new StringBuilder());
        sequence(branches.get(0));
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            StringBuilder branch = new StringBuilder();
            sequence(branch);
            branches.add(branch);
        }
        out.append(longest ? branches.stream().max((a, b) -> a.length() - b.length()).orElseThrow()
                : branches.get(random.nextInt(branches.size())));
    }

    private void sequence(StringBuilder out) {
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            int atomStart = at;
            boolean lookahead = regex.startsWith("(?=", at) || regex.startsWith("(?!", at);
            StringBuilder first = new StringBuilder();
            atom(first);
            int[] range = quantifier();
            int after = at;
            if (lookahead) {
                continue; // consumes nothing; matching() checks the whole result
            }
            int times = longest ? range[1] : range[0] + random.nextInt(range[1] - range[0] + 1);
            if (times > 0) {
                out.append(first);
            }
            for (int i = 1; i < times; i++) {
                at = atomStart;
                atom(out);
            }
            at = after;
        }
    }

    private void atom(StringBuilder out) {
        char c = regex.charAt(at);
        if (c == '(') {
            at++;
            if (regex.startsWith("?:", at)) {
                at += 2;
            } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                at += 2;
                alternation(new StringBuilder());
                at++;
                return;
            }
            alternation(out);
            at++; // ')'
        } else if (c == '[') {
            out.append(characterClass());
        } else if (c == '\\') {
            at++;
            out.append(escaped(regex.charAt(at++)));
        } else if (c == '.') {
            at++;
            out.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
        } else if (c == '^' || c == '$') {
            at++;
        } else {
            at++;
            out.append(c);
        }
    }

    private char escaped(char c) {
        return switch (c) {
            case 'd' -> (char) ('0' + random.nextInt(10));
            case 'w', 'S' -> PRINTABLE.charAt(random.nextInt(PRINTABLE.length()));
            case 's' -> ' ';
            default -> c;
        };
    }

    private char characterClass() {
        at++; // '['
        boolean negated = regex.charAt(at) == '^';
        if (negated) {
            at++;
        }
        StringBuilder members = new StringBuilder();
        while (regex.charAt(at) != ']') {
            char from = regex.charAt(at) == '\\' ? escapedMember() : regex.charAt(at++);
            if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                at++;
                char to = regex.charAt(at) == '\\' ? escapedMember() : regex.charAt(at++);
                for (char x = from; x <= to; x++) {
                    members.append(x);
                }
            } else {
                members.append(from);
            }
        }
        at++; // ']'
        if (negated) {
            String allowed = PRINTABLE.chars().filter(x -> members.indexOf(String.valueOf((char) x)) < 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return allowed.charAt(random.nextInt(allowed.length()));
        }
        return members.charAt(random.nextInt(members.length()));
    }

    private char escapedMember() {
        at++;
        char c = regex.charAt(at++);
        return c == 'd' ? (char) ('0' + random.nextInt(10)) : c;
    }

    private int[] quantifier() {
        if (at >= regex.length()) {
            return new int[] {1, 1};
        }
        char c = regex.charAt(at);
        int[] range = switch (c) {
            case '?' -> new int[] {0, 1};
            case '*' -> new int[] {0, longest ? cap : UNBOUNDED};
            case '+' -> new int[] {1, longest ? Math.max(1, cap) : UNBOUNDED};
            case '{' -> {
                int close = regex.indexOf('}', at);
                String[] bounds = regex.substring(at + 1, close).split(",", -1);
                int min = Integer.parseInt(bounds[0]);
                int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + (longest ? cap : UNBOUNDED) : Integer.parseInt(bounds[1]);
                at = close;
                yield new int[] {min, longest ? max : Math.min(max, min + 3 * UNBOUNDED)};
            }
            default -> null;
        };
        if (range == null) {
            return new int[] {1, 1};
        }
        at++;
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // lazy or possessive: the same strings
        }
        return range;
    }
}
