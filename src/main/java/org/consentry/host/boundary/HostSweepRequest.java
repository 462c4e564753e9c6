package org.consentry.host.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.consentry.platform.boundary.SubjectId;

/**
 * A host application's client is about to sweep one of its tables: the table, the category its rows are
 * kept for, and the subjects of the rows now due (at most 500 at a time), so that Consentry can say which
 * of them are under a legal hold.
 */
public record HostSweepRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,64}", message = "must be a table name: 1-64 characters of A-Z a-z 0-9 _") String table,
        @NotNull @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be a category: a-z 0-9 and '-', at most 32") String category,
        @NotNull @Size(max = 500) List<@NotNull @Pattern(regexp = SubjectId.PATTERN,
                message = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -") String> dueSubjectIds) {
}
