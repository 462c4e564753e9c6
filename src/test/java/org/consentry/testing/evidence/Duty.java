package org.consentry.testing.evidence;

/** Placeholder until the evidence report lands: the duties the tests of this branch prove. */
public enum Duty {
    GDPR_30, GDPR_32, GDPR_33, GDPR_34, AI_ACT_50
}
