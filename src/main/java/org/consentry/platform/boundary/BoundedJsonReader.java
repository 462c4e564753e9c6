package org.consentry.platform.boundary;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows the JSON text read through it and fails as soon as it passes a bound the parser would meet
 * too late or not at all: nesting (50,000 opening brackets are refused after the limit's worth of
 * characters, before anything that deep is built or recursed into) and the length of a number (the
 * parser refuses one of over 1,100 digits with an exception of its own, not a parse error). What sits
 * inside strings does not count.
 */
final class BoundedJsonReader extends FilterReader {

    /** No number this API takes is longer: ids, counts and limits are at most 20 digits. */
    static final int MAX_NUMBER_CHARS = 64;

    /** An IOException, like a body over the size limit, so that the JSON parser passes it on as the cause. */
    static final class OverLimit extends IOException {

        private static final long serialVersionUID = 1L;

        OverLimit(String detail) {
            super(detail);
        }
    }

    private final int maxDepth;
    private int depth;
    private int numberChars;
    private boolean inString;
    private boolean escaped;

    BoundedJsonReader(Reader in, int maxDepth) {
        super(in);
        this.maxDepth = maxDepth;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            follow((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            follow(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read, not skip: every character must be seen
        char[] chunk = new char[(int) Math.min(Math.max(n, 1), 1024)];
        long left = n;
        while (left > 0) {
            int read = read(chunk, 0, (int) Math.min(left, chunk.length));
            if (read < 0) {
                break;
            }
            left -= read;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void follow(char c) throws OverLimit {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            return;
        }
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
            if (++numberChars > MAX_NUMBER_CHARS) {
                throw new OverLimit("The request body holds a number longer than " + MAX_NUMBER_CHARS + " characters.");
            }
            return;
        }
        numberChars = 0;
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) {
                throw new OverLimit("The request body nests arrays and objects deeper than " + maxDepth + " levels.");
            }
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
}
