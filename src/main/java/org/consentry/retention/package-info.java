/** Retention: each data category's period and action, stamped on rows and enforced by sweeps (GDPR Art. 5(1)(e)). */
package org.consentry.retention;
