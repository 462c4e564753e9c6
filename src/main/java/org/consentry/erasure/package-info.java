/** The data subject's rights: erasure with crypto-shredding and its tombstone, export, rectification (GDPR Art. 15-17, 19, 20). */
package org.consentry.erasure;
