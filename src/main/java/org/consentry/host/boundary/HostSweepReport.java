package org.consentry.host.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a host's sweep did to its table: rows deleted because due, rows due but spared under a legal hold. */
public record HostSweepReport(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,64}", message = "must be a table name: 1-64 characters of A-Z a-z 0-9 _") String table,
        @NotNull @Min(0) @Max(1_000_000_000) Integer deleted,
        @NotNull @Min(0) @Max(1_000_000_000) Integer spared) {
}
