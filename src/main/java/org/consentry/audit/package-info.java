/** The audit trail: append-only events without personal data, linked in an HMAC chain that can be verified. */
package org.consentry.audit;
