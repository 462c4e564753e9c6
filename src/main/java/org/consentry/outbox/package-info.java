/** Transactional outbox: deliveries stored with the change that causes them, sent signed, retried with back-off, once in effect. */
package org.consentry.outbox;
