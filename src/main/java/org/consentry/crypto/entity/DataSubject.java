package org.consentry.crypto.entity;

/** Something that belongs to one data subject: an entity with personal fields, or a call's argument. */
public interface DataSubject {

    /** The subject's id in the bot and the CRM. */
    String subjectId();
}
