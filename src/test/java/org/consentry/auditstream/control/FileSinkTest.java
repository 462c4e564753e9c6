package org.consentry.auditstream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink rotates by size, keeps the newest files, never splits a line, and appends after a reopen. */
class FileSinkTest {

    @TempDir
    Path dir;

    @Test
    void rotatesBeforeALineWouldPassTheLimitAndKeepsTheNewestFiles() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileSink sink = new FileSink("file", file, 1024, 2);
        for (long seq = 1; seq <= 60; seq += 10) {
            sink.write(LongStream.range(seq, seq + 10).mapToObj(FileSinkTest::event).toList());
        }
        sink.close();
        assertTrue(Files.exists(file.resolveSibling("audit.jsonl.1")));
        assertTrue(Files.exists(file.resolveSibling("audit.jsonl.2")));
        assertFalse(Files.exists(file.resolveSibling("audit.jsonl.3")), "only two rotated files are kept");
        List<Long> seqs = new ArrayList<>();
        for (String name : List.of("audit.jsonl.2", "audit.jsonl.1", "audit.jsonl")) {
            Path part = file.resolveSibling(name);
            assertTrue(Files.size(part) <= 1024, name + " stays within the limit");
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                assertTrue(line.startsWith("{\"type\":\"event\"") && line.endsWith("}"), "whole lines only: " + line);
                seqs.add(Long.parseLong(line.replaceAll(".*\"seq\":(\\d+),.*", "$1")));
            }
        }
        assertEquals(60L, seqs.get(seqs.size() - 1));
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "the kept files hold a contiguous tail, in order");
        }
    }

    @Test
    void aNewSinkOnAnExistingFileAppendsAfterIt() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileSink first = new FileSink("file", file, 1 << 20, 3);
        first.write(List.of(event(1)));
        first.close();
        FileSink again = new FileSink("file", file, 1 << 20, 3);
        again.write(List.of(event(2)));
        again.close();
        assertEquals(2, Files.readAllLines(file).size());
    }

    static StreamEntry event(long seq) {
        return StreamEntry.of(new ShippedEvent(seq, seq + 100, StreamFormatsTest.EVENT.occurredAt(), "agent1", "agent",
                "escalation.claim", null, "s_x", null, "DONE", "escalation " + seq, 1, "d".repeat(64)));
    }
}
