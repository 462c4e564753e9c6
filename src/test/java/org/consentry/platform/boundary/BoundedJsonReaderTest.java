package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedJsonReaderTest {

    @Test
    void nestingAtTheLimitIsReadWhole() throws IOException {
        String json = "{\"a\":[{\"b\":[1]}],\"c\":[[2]]}";
        assertEquals(json, readAll(new BoundedJsonReader(new StringReader(json), 4)));
    }

    @Test
    void oneLevelDeeperFailsBeforeTheRestIsRead() {
        var tooDeep = assertThrows(BoundedJsonReader.OverLimit.class,
                () -> readAll(new BoundedJsonReader(new StringReader("[".repeat(50_000)), 32)));
        assertTrue(tooDeep.getMessage().contains("deeper than 32 levels"), tooDeep.getMessage());
        assertThrows(BoundedJsonReader.OverLimit.class, () -> {
            try (Reader in = new BoundedJsonReader(new StringReader("{\"a\":{\"b\":{\"c\":{\"d\":1}}}}"), 3)) {
                while (in.read() >= 0) {
                    // character by character
                }
            }
        });
    }

    @Test
    void whatIsInsideStringsDoesNotCount() throws IOException {
        String json = "{\"text\":\"[[[[{{{{ \\\" ]]]] \\\\\",\"more\":\"\\\"[[[[\",\"digits\":\"" + "9".repeat(500) + "\"}";
        assertEquals(json, readAll(new BoundedJsonReader(new StringReader(json), 1)));
    }

    @Test
    void closedLevelsAreGivenBack() throws IOException {
        String json = "[" + "[[]],".repeat(1_000) + "[[]]]";
        assertEquals(json, readAll(new BoundedJsonReader(new StringReader(json), 3)));
    }

    @Test
    void aNumberLongerThanAnyTheApiTakesIsRefused() throws IOException {
        String longest = "-1234567890.1234567890e+1234567890123456789012345678901234567890";
        assertEquals(BoundedJsonReader.MAX_NUMBER_CHARS, longest.length());
        String fine = "[" + longest + ",true,false,null," + longest + "]";
        assertEquals(fine, readAll(new BoundedJsonReader(new StringReader(fine), 2)));
        var tooLong = assertThrows(BoundedJsonReader.OverLimit.class,
                () -> readAll(new BoundedJsonReader(new StringReader("{\"n\":1" + "0".repeat(5_000) + "}"), 2)));
        assertTrue(tooLong.getMessage().contains("number longer than 64"), tooLong.getMessage());
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[7];
        for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
