/** Envelope encryption: KEK versions from a keystore, one wrapped data key per subject, sealed personal fields (AES-256-GCM, Tink). */
package org.consentry.crypto;
