/** Single sign-on for the console through an OpenID Connect provider: sign-in, RP-initiated sign-out, session age. */
package org.consentry.sso;
