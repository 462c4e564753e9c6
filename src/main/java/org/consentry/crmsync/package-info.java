/** CRM sync: contacts and resolved cases pushed to the helpdesk/CRM, guarded by consent, minimised, through the outbox. */
package org.consentry.crmsync;
