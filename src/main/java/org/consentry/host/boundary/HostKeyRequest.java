package org.consentry.host.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.consentry.platform.boundary.PurposeId;
import org.consentry.platform.boundary.SubjectId;

/**
 * A host application asks for the keys of up to 100 subjects at once, for one purpose, to seal or to open
 * the named fields ({@code table.column}, each with its category of personal data) of its own tables.
 */
public record HostKeyRequest(
        @PurposeId String purpose,
        @NotNull @Pattern(regexp = "seal|open", message = "must be seal or open") String use,
        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = SubjectId.PATTERN,
                message = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -") String> subjectIds,
        @NotEmpty @Size(max = 16) List<@NotNull @Valid Field> fields) {

    /** A field of the host's own table, table.column, and the category of personal data it holds. */
    public record Field(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,64}\\.[A-Za-z0-9_]{1,64}",
                    message = "must be table.column, each 1-64 characters of A-Z a-z 0-9 _") String name,
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be a category: a-z 0-9 and '-', at most 32") String category) {
    }

    public boolean sealing() {
        return "seal".equals(use);
    }
}
