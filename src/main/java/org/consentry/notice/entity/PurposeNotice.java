package org.consentry.notice.entity;

import java.util.List;

/** One purpose as the notice explains it. */
public record PurposeNotice(String id, String description, String lawfulBasis, String legalReference,
                            String lawfulBasisText, boolean consentRequired, String withdrawal, String noticeVersion,
                            List<String> dataCategories, List<String> recipients) {
}
