package org.consentry.notice.entity;

/** A right of the data subject: the GDPR article, its name and what it means here. */
public record Right(String article, String name, String text) {
}
