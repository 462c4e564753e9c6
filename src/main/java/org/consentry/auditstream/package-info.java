/** The audit trail streamed out of the database: sinks (JSON-lines file, syslog over TLS) fed in chain order from per-sink cursors, with signed checkpoints of the chain head. */
package org.consentry.auditstream;
