/** Rasa: a custom action's tracker in, agent replies to Rasa's callback channel, the bot paused and resumed through Rasa's HTTP API. */
package org.consentry.escalation.adapter.rasa;
