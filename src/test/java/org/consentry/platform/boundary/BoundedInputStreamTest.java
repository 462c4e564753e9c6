package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    @Test
    void aBodyAtTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[100];
        try (var in = new BoundedInputStream(new ByteArrayInputStream(body), 100)) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void oneByteOverTheLimitFails() {
        byte[] body = new byte[101];
        assertThrows(BodyTooLargeException.class,
                () -> new BoundedInputStream(new ByteArrayInputStream(body), 100).readAllBytes());
        assertThrows(BodyTooLargeException.class, () -> {
            var in = new BoundedInputStream(new ByteArrayInputStream(body), 100);
            while (in.read() >= 0) {
                // byte by byte
            }
        });
    }
}
