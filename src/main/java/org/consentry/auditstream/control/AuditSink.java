package org.consentry.auditstream.control;

import java.io.IOException;
import java.util.List;

/**
 * Where the audit stream goes. {@link #write} returns only once the sink has taken every entry (a file
 * forced to its disk, a receiver that has read the batch to its end); it throws otherwise, and the same
 * entries come again later (at least once, in chain order).
 */
public interface AuditSink extends AutoCloseable {

    String name();

    void write(List<StreamEntry> entries) throws IOException;

    @Override
    void close();
}
