/** What every component stands on: the JAX-RS application, problem responses, request limits, schema migrations, health, time. */
package org.consentry.platform;
