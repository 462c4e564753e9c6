package org.consentry.crypto.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Opens the keystore of the key-encryption keys that configuration names (consentry.kek.keystore with
 * consentry.kek.password or consentry.kek.password-file); without a password, and only where
 * consentry.kek.dev-generate allows it, a development keystore beside the configured path, generated on
 * first start with a random password in a file of its own and read again at every later start.
 */
final class KekKeystore {

    /** Logged under the key ring's name, where operators look for what happens to the KEKs. */
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    /** The keystore, and whether it is a development one. */
    record Opened(KeystoreFile file, boolean development) {
    }

    private KekKeystore() {
    }

    static Opened open(Optional<String> keystorePath, Optional<String> keystorePassword,
                       Optional<String> keystorePasswordFile, String aliasPrefix, boolean devGenerate)
            throws IOException, GeneralSecurityException {
        if (keystorePath.isEmpty()) {
            throw new IllegalStateException("No key-encryption keystore: set consentry.kek.keystore and "
                    + "consentry.kek.password (see README, 'Keys'). Consentry does not start without one.");
        }
        Path path = Path.of(keystorePath.get());
        Optional<char[]> configured = KeystoreSecrets.password(keystorePassword, keystorePasswordFile);
        if (configured.isPresent()) {
            return new Opened(new KeystoreFile(KeystoreSecrets.guarded(path, "consentry.kek.keystore"), configured.get(),
                    aliasPrefix), false);
        }
        if (!devGenerate) {
            throw new IllegalStateException("Neither consentry.kek.password nor consentry.kek.password-file is set"
                    + " for the keystore " + path);
        }
        Path passwordFile = Path.of(path + ".password");
        if (Files.isRegularFile(path) && Files.isRegularFile(passwordFile)) {
            return new Opened(new KeystoreFile(KeystoreSecrets.guarded(path, "consentry.kek.keystore"),
                    KeystoreSecrets.password(Optional.empty(), Optional.of(passwordFile.toString())).orElseThrow(),
                    aliasPrefix), true);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        KeystoreFile.restrict(passwordFile);
        KeystoreFile file = new KeystoreFile(path, password.toCharArray(), aliasPrefix);
        file.create();
        LOG.warning("Generated a development key-encryption keystore at " + path);
        return new Opened(file, true);
    }
}
