/**
 * What the controls of every component stand on: problem types, logging without personal data, JDBC,
 * rate limits, the scheduler skeleton ({@link org.consentry.platform.control.Periodic}).
 *
 * <p>The rule for transactions. A boundary demarcates them: a resource method, a job, or a small
 * boundary bean named for its step (ChainBatch, KeyUsageWrite, RewrapSteps, ErasureSteps, HostFieldWrite,
 * RateBucketPruneBatch, SweepBatch, RestampPage) carries {@code @Transactional}: REQUIRED where none runs
 * yet, REQUIRES_NEW for a step that commits on its own. A control runs in its caller's transaction and carries none, but for two
 * cases, each named in its class's javadoc:
 * <ul>
 * <li>{@code MANDATORY} demarcates nothing: it asserts that the caller's boundary opened a transaction,
 * and may stand on a control (JobLock.renew).</li>
 * <li>A technical transaction: a read or write that must run on its own in the middle of a control's
 * work, whose caller cannot reach a boundary bean because it is itself a control (of its component or a
 * higher one: a control knows no boundary) or an entity listener during a flush. These are AuditTrail,
 * SubjectKeyStore, PolicyStore, JobLock and RateLimits.</li>
 * </ul>
 * One control still demarcates for its boundary: OutboxLeases (its lease steps), to move to the outbox's
 * boundary next. ArchitectureTest fails on any other control that carries {@code @Transactional}.
 */
package org.consentry.platform.control;
