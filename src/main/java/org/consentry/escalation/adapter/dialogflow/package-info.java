/** Dialogflow CX: its webhook's live-agent handoff in, agent replies out to the integration's signed callback. */
package org.consentry.escalation.adapter.dialogflow;
