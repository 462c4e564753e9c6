package org.consentry.consent.boundary;

import java.time.Instant;

/**
 * Where a subject stands for one purpose: {@code GRANTED}, {@code WITHDRAWN}, {@code NOT_GIVEN}, or
 * {@code NOT_APPLICABLE} when the purpose rests on another lawful basis; {@code current} says whether
 * processing under consent may go ahead now.
 */
public record PurposeState(String purpose, String lawfulBasis, String status, boolean current,
                           String noticeVersion, String currentNoticeVersion, Instant grantedAt, Instant withdrawnAt) {
}
