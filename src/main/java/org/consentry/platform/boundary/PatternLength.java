package org.consentry.platform.boundary;

import java.util.OptionalLong;

/**
 * The length of the longest string a regular expression matches in full, when it has one: so a pattern
 * the server enforces with @Pattern ({@code [0-9a-f-]{36}}, {@code pl|en}) is published with the
 * maxLength it implies. Reads the subset Consentry's patterns use: literals and escapes, character
 * classes, groups (capturing, non-capturing, lookaround), alternation, and the quantifiers ? * + {n}
 * {n,} {n,m}. Unbounded (* + {n,}) or unreadable: empty.
 */
final class PatternLength {

    private static final long UNBOUNDED = Long.MAX_VALUE;

    private final String regex;
    private int at;

    private PatternLength(String regex) {
        this.regex = regex;
    }

    static OptionalLong of(String regex) {
        try {
            PatternLength reader = new PatternLength(regex);
            long length = reader.alternation();
            return reader.at == regex.length() && length != UNBOUNDED ? OptionalLong.of(length) : OptionalLong.empty();
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private long alternation() {
        long longest = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            longest = Math.max(longest, sequence());
        }
        return longest;
    }

    private long sequence() {
        long total = 0;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            long atom = atom();
            long times = quantifier();
            total = add(total, atom == 0 ? 0 : times == UNBOUNDED ? UNBOUNDED : multiply(atom, times));
        }
        return total;
    }

    private long atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return 0;
            }
            case '\\' -> {
                at++;
                return 1;
            }
            case '[' -> {
                if (at < regex.length() && regex.charAt(at) == '^') {
                    at++;
                }
                if (at < regex.length() && regex.charAt(at) == ']') {
                    at++;
                }
                while (regex.charAt(at) != ']') {
                    at += regex.charAt(at) == '\\' ? 2 : 1;
                }
                at++;
                return 1;
            }
            case '(' -> {
                boolean lookaround = regex.startsWith("?=", at) || regex.startsWith("?!", at)
                        || regex.startsWith("?<=", at) || regex.startsWith("?<!", at);
                if (regex.startsWith("?:", at)) {
                    at += 2;
                } else if (lookaround) {
                    at += regex.charAt(at + 1) == '<' ? 3 : 2;
                }
                long inner = alternation();
                if (regex.charAt(at++) != ')') {
                    throw new IllegalArgumentException("unclosed group");
                }
                return lookaround ? 0 : inner;
            }
            default -> {
                return 1;
            }
        }
    }

    /** The most times the atom before may repeat. */
    private long quantifier() {
        if (at >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(at);
        long times;
        if (c == '?') {
            at++;
            times = 1;
        } else if (c == '*' || c == '+') {
            at++;
            times = UNBOUNDED;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            String[] bounds = regex.substring(at + 1, close).split(",", -1);
            at = close + 1;
            times = bounds.length == 1 ? Long.parseLong(bounds[0].strip())
                    : bounds[1].isBlank() ? UNBOUNDED : Long.parseLong(bounds[1].strip());
        } else {
            return 1;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // lazy or possessive: the same lengths
        }
        return times;
    }

    private static long add(long a, long b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : a + b;
    }

    private static long multiply(long a, long b) {
        return a == UNBOUNDED ? UNBOUNDED : a * b;
    }
}
