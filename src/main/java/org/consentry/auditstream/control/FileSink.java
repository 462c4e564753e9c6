package org.consentry.auditstream.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * JSON lines appended to a file, rotated by size: before a line would take the file past
 * {@code maxBytes}, the file is forced to disk and renamed {@code <file>.1} (the older ones move up to
 * {@code <file>.<keep>}; the one past it is deleted), and a new file begins. A line is never split across
 * files. A batch returns once its bytes are forced to the disk ({@code FileChannel.force}, fsync): only
 * then does the cursor move, so a crash loses nothing and may at most write the last batch again.
 */
public final class FileSink implements AuditSink {

    private final String name;
    private final Path path;
    private final long maxBytes;
    private final int keep;
    private FileChannel channel;
    private long size;

    public FileSink(String name, Path path, long maxBytes, int keep) {
        this.name = name;
        this.path = path;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void write(List<StreamEntry> entries) throws IOException {
        try {
            open();
            for (StreamEntry entry : entries) {
                byte[] line = (JsonLines.of(entry) + "\n").getBytes(StandardCharsets.UTF_8);
                if (size > 0 && size + line.length > maxBytes) {
                    rotate();
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    size += channel.write(buffer);
                }
            }
            channel.force(false);
        } catch (IOException e) {
            close(); // the next batch opens the file again and appends after what was forced
            throw e;
        }
    }

    private void open() throws IOException {
        if (channel == null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = channel.size();
        }
    }

    private void rotate() throws IOException {
        channel.force(false);
        channel.close();
        channel = null;
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                move(rotated(i), rotated(i + 1));
            }
        }
        move(path, rotated(1));
        forceDirectory();
        open();
    }

    Path rotated(int generation) {
        return path.resolveSibling(path.getFileName() + "." + generation);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The renames reach the disk too (where the platform lets a directory be forced: Linux does). */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens a directory; the renames still happen
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing after a failure: nothing more to save
            }
            channel = null;
        }
    }
}
