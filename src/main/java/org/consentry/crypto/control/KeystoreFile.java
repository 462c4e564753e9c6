package org.consentry.crypto.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * A PKCS#12 keystore holding Consentry's secret keys: KEK versions as {@code <prefix>-kek-<n>}
 * (AES-256), audit chain key versions as {@code <prefix>-audit-<n>} and the pseudonym key as
 * {@code <prefix>-pseudonym-1} (both HMAC-SHA256, see {@link AuditKeys}). Create them with
 * {@code keytool -genseckey -storetype PKCS12 -keyalg AES -keysize 256 -alias consentry-kek-1 ...}.
 * New versions are written to a temporary file and moved into place, so a crash never leaves half a keystore.
 */
final class KeystoreFile {

    private final Path path;
    private final char[] password;
    private final String prefix;

    KeystoreFile(Path path, char[] password, String prefix) {
        this.path = path;
        this.password = password.clone();
        this.prefix = prefix;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** KEK versions found in the keystore, by version number. */
    NavigableMap<Integer, byte[]> keks() throws IOException, GeneralSecurityException {
        return entries(load(), "kek");
    }

    /** Audit key versions found in the keystore, by version number. */
    NavigableMap<Integer, byte[]> auditKeys() throws IOException, GeneralSecurityException {
        return entries(load(), "audit");
    }

    /** Pseudonym key versions found in the keystore (only version 1 is ever used). */
    NavigableMap<Integer, byte[]> pseudonymKeys() throws IOException, GeneralSecurityException {
        return entries(load(), "pseudonym");
    }

    /** What tells whether the file changed since it was last read: its modification time and size. */
    String state() throws IOException {
        return Files.getLastModifiedTime(path) + "/" + Files.size(path);
    }

    /** Writes a new keystore with KEK version 1, audit key version 1 and the pseudonym key (development only). */
    void create() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        put(store, "kek", 1, generate("AES"));
        put(store, "audit", 1, generate("HmacSHA256"));
        put(store, "pseudonym", 1, generate("HmacSHA256"));
        write(store);
    }


    /** Adds KEK version {@code version} and returns its bytes. */
    byte[] addKek(int version) throws IOException, GeneralSecurityException {
        KeyStore store = load();
        SecretKey key = generate("AES");
        put(store, "kek", version, key);
        write(store);
        return key.getEncoded();
    }

    private NavigableMap<Integer, byte[]> entries(KeyStore store, String kind) throws GeneralSecurityException {
        Pattern alias = Pattern.compile(Pattern.quote(prefix.toLowerCase(java.util.Locale.ROOT)) + "-" + kind + "-(\\d{1,6})");
        NavigableMap<Integer, byte[]> found = new TreeMap<>();
        for (String name : Collections.list(store.aliases())) {
            Matcher m = alias.matcher(name.toLowerCase(java.util.Locale.ROOT));
            if (m.matches() && store.isKeyEntry(name)) {
                var key = store.getKey(name, password);
                if (key != null && key.getEncoded() != null && key.getEncoded().length == 32) {
                    found.put(Integer.parseInt(m.group(1)), key.getEncoded());
                }
            }
        }
        return found;
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    private void put(KeyStore store, String kind, int version, SecretKey key) throws GeneralSecurityException {
        store.setEntry(prefix + "-" + kind + "-" + version, new KeyStore.SecretKeyEntry(key),
                new KeyStore.PasswordProtection(password));
    }

    private static SecretKey generate(String algorithm) throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance(algorithm);
        generator.init(256);
        return generator.generateKey();
    }

    private void write(KeyStore store) throws IOException, GeneralSecurityException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), ".consentry-keystore", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            restrict(temporary);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions must protect it
        }
    }
}
