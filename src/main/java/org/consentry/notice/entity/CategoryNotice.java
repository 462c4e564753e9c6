package org.consentry.notice.entity;

/** One data category with its retention, as the notice explains it. */
public record CategoryNotice(String id, String description, String retention, String retentionStarts,
                             String retentionAction, String retentionText) {
}
