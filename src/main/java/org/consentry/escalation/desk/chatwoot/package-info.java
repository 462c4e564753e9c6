/** Agents in Chatwoot (consentry.desk=chatwoot): escalations opened there masked, agents' replies and resolutions brought back. */
package org.consentry.escalation.desk.chatwoot;
