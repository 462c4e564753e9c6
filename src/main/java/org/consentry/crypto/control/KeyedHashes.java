package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keyed hashes (HMAC-SHA256 under the keystore's pseudonym key, which never rotates) of values that must
 * be matched without being stored: subject references, CRM tokens, the words of a sealed text. Each use
 * names its own domain, so that a hash made for one use means nothing in another.
 */
@ApplicationScoped
public class KeyedHashes {

    @Inject
    KeyRing keys;

    /** The first {@code chars} (at most 43) characters of the base64url HMAC of {@code domain|text}. */
    public String of(String domain, String text, int chars) {
        return keys.audit().pseudonym(domain, text).substring(0, chars);
    }
}
