package org.consentry.crypto.control.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * One PKCS#11 token through the JDK's SunPKCS11 provider, logged in with the user PIN. Consentry's keys are
 * token objects labelled {@code <prefix>-<kind>-<n>} (kind kek, audit or pseudonym). Every secret key this
 * provider generates or imports is made CKA_SENSITIVE and not CKA_EXTRACTABLE (the provider's attributes
 * below), and a key the token would give out anyway is refused: no key value ever leaves the token.
 */
final class Token {

    private static final String ATTRIBUTES = """
            attributes(*, CKO_SECRET_KEY, *) = {
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
            }
            """;

    private final Provider provider;
    private final KeyStore store;
    private final String where;

    private Token(Provider provider, KeyStore store, String where) {
        this.provider = provider;
        this.store = store;
        this.where = where;
    }

    /** Opens the token; an IllegalStateException saying what failed (library, slot, login), never the PIN. */
    static Token open(String library, String slot, char[] pin) {
        String where = "the PKCS#11 token in " + slot + " of " + library;
        if (!Files.isRegularFile(Path.of(library))) {
            throw new IllegalStateException("The PKCS#11 library " + library + " (consentry.kek.pkcs11.library) does not exist");
        }
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure("--name=Consentry\nlibrary=" + library + "\n"
                    + slot.replace(' ', '=') + "\n" + ATTRIBUTES);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open " + where + ": " + reason(e), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return new Token(provider, store, where);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Login to " + where + " refused: " + reason(e)
                    + " (check consentry.kek.pkcs11.pin-file; a wrong PIN counts towards the token's lockout)", e);
        }
    }

    Provider provider() {
        return provider;
    }

    String where() {
        return where;
    }

    /** The keys of a kind, by version; each refused if the token would reveal its value. */
    synchronized NavigableMap<Integer, Key> keys(String prefix, String kind) throws GeneralSecurityException {
        Pattern alias = Pattern.compile(Pattern.quote(prefix.toLowerCase(Locale.ROOT)) + "-" + kind + "-(\\d{1,6})");
        NavigableMap<Integer, Key> found = new TreeMap<>();
        for (String name : Collections.list(store.aliases())) {
            Matcher m = alias.matcher(name.toLowerCase(Locale.ROOT));
            if (m.matches() && store.isKeyEntry(name)) {
                found.put(Integer.parseInt(m.group(1)), kept(name, store.getKey(name, null)));
            }
        }
        return found;
    }

    /** Generates a token key (AES-256 or HmacSHA256) under the label, sensitive and not extractable. */
    synchronized Key generate(String label, String algorithm) throws GeneralSecurityException {
        if (store.containsAlias(label)) {
            throw new GeneralSecurityException("the token already holds a key labelled " + label);
        }
        KeyGenerator generator = KeyGenerator.getInstance(algorithm, provider);
        generator.init(256);
        SecretKey session = generator.generateKey();
        store.setEntry(label, new KeyStore.SecretKeyEntry(session), null);
        return kept(label, store.getKey(label, null));
    }

    /** Destroys the token object under the label (C_DestroyObject); false when there was none. */
    synchronized boolean destroy(String label) throws GeneralSecurityException {
        if (!store.containsAlias(label)) {
            return false;
        }
        store.deleteEntry(label);
        return true;
    }

    /** Logs in again if the token was logged out and reads its objects afresh (another server may have added some). */
    synchronized void refresh(char[] pin) throws IOException, GeneralSecurityException {
        store.load(null, pin);
    }

    private static Key kept(String label, Key key) throws GeneralSecurityException {
        if (key == null) {
            throw new GeneralSecurityException("no secret key under " + label);
        }
        if (key.getEncoded() != null) {
            throw new GeneralSecurityException("the token gives out the value of " + label
                    + " (not CKA_SENSITIVE or CKA_EXTRACTABLE): Consentry uses only keys that never leave the token");
        }
        return key;
    }

    /** The PKCS#11 return code or exception class of a failure: names what went wrong, never a secret. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.matches("CKR_[A-Z_]+")) {
                return message;
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
