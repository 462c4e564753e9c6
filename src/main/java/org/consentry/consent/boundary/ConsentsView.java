package org.consentry.consent.boundary;

import java.util.List;

/** The current state per purpose and the full history of grants and withdrawals. */
public record ConsentsView(String subjectId, List<PurposeState> purposes, List<ConsentView> history) {
}
