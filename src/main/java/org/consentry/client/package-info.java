/**
 * The client jar a host application adds to its WEB-INF/lib (consentry-&lt;version&gt;-client.jar, built from this
 * package only and left out of Consentry's WAR): {@link org.consentry.client.RequiresConsent} and
 * {@link org.consentry.client.SubjectId} on the host's own beans, enforced by {@link org.consentry.client.ConsentCheck}
 * against Consentry's decision API, with changes pushed to {@link org.consentry.client.ConsentChangesReceiver}.
 * It depends on the Jakarta EE and MicroProfile Config APIs of the server and on the JDK, nothing else, and
 * imports nothing of Consentry's own packages (it runs where they are not).
 */
package org.consentry.client;
