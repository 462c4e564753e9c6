/** Microsoft Bot Framework: the handoff protocol's events in, agent replies and handoff status out as activities. */
package org.consentry.escalation.adapter.botframework;
