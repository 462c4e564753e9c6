/** The consent ledger: purposes and their lawful bases, grants and withdrawals with their evidence (GDPR Art. 7). */
package org.consentry.consent;
