package org.consentry.consent.entity;

/** A record is GRANTED while it is the live consent; WITHDRAWN by the subject; SUPERSEDED by a newer grant. */
public enum ConsentStatus {
    GRANTED, WITHDRAWN, SUPERSEDED
}
