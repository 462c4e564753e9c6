/** Bot platforms' adapters (one package each), and the little they share: typed JSON reads, secret checks. */
package org.consentry.escalation.adapter;
