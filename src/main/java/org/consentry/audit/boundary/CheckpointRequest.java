package org.consentry.audit.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.consentry.audit.control.Checkpoint;
import org.consentry.platform.boundary.QueryInstant;

/**
 * A checkpoint as an audit sink received it (a JSON line of type "checkpoint", or the structured data of
 * a syslog message), posted back to be proven against the chain. Every member is bounded.
 */
public record CheckpointRequest(
        @Pattern(regexp = "checkpoint", message = "must be checkpoint when present") String type,
        @NotNull @Pattern(regexp = "consentry-audit-checkpoint/1", message = "must be consentry-audit-checkpoint/1") String format,
        @NotNull @Min(1) @Max(Long.MAX_VALUE) Long seq,
        @NotNull @Min(1) @Max(1_000_000) Integer keyVersion,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String headHash,
        @NotNull @Pattern(regexp = QueryInstant.PATTERN, message = QueryInstant.MESSAGE) String at,
        @NotNull @Min(1) @Max(1_000_000) Integer signingKeyVersion,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String signature) {

    Checkpoint checkpoint() {
        return new Checkpoint(format, seq, keyVersion, headHash, at, signingKeyVersion, signature);
    }
}
