/**
 * The client jar a host application adds to its WEB-INF/lib (consentry-&lt;version&gt;-client.jar, built from this
 * package only and left out of Consentry's WAR). On the host's beans: {@link org.consentry.client.RequiresConsent}
 * and {@link org.consentry.client.SubjectId}, enforced by {@link org.consentry.client.ConsentCheck} against
 * Consentry's decision API. On the host's entities: {@link org.consentry.client.Personal} fields sealed by
 * {@link org.consentry.client.PersonalFields} under keys from Consentry ({@link org.consentry.client.HostKeyRing}),
 * and {@link org.consentry.client.Retained} rows stamped by {@link org.consentry.client.RetainedRows} and swept by
 * {@link org.consentry.client.RetentionSweeper}. Consentry's notices (consent changes, erasures, raised in the host
 * as {@link org.consentry.client.SubjectErased}) arrive at {@link org.consentry.client.ConsentChangesReceiver}.
 * It depends on the Jakarta EE and MicroProfile Config APIs of the server and on the JDK, nothing else, and
 * imports nothing of Consentry's own packages (it runs where they are not).
 */
package org.consentry.client;
