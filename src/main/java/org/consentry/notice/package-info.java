/** The privacy notice (GDPR Art. 12-14, AI Act Art. 50), generated from the configured purposes and categories. */
package org.consentry.notice;
