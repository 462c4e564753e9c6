package org.consentry.crypto.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The key-encryption keystore's password and the files that hold secrets, checked before they are used
 * (security finding 3): the password comes from {@code consentry.kek.password} or from the file named by
 * {@code consentry.kek.password-file}, which the operator keeps apart from the keystore; and neither the
 * keystore nor that file may be readable or writable by other users (group write is refused too). A
 * file that others can read is refused at start, whatever the profile: a copy may already have been taken.
 */
public final class KeystoreSecrets {

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_WRITE);

    private KeystoreSecrets() {
    }

    /** The password, from the value or else from the file; empty when neither is configured. */
    public static Optional<char[]> password(Optional<String> value, Optional<String> file) throws IOException {
        if (value.isPresent() && !value.get().isEmpty()) {
            return Optional.of(value.get().toCharArray());
        }
        if (file.isEmpty() || file.get().isBlank()) {
            return Optional.empty();
        }
        Path path = guarded(Path.of(file.get()), "consentry.kek.password-file");
        String password = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The password file " + path + " (consentry.kek.password-file) is empty");
        }
        return Optional.of(password.toCharArray());
    }

    /** The file, after checking that it exists and that only its owner (and its group, reading) may use it. */
    public static Path guarded(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The file " + file + " (" + key + ") does not exist");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return file; // not a POSIX file system: its access control lists are the operator's to set
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OPEN_TO_OTHERS);
        if (!open.isEmpty()) {
            throw new IllegalStateException("The file " + file + " (" + key + ") is open to other users ("
                    + PosixFilePermissions.toString(permissions) + "): make it readable by the server's user only"
                    + " (chmod 600) and consider the keys in it exposed. Consentry does not start with it.");
        }
        return file;
    }
}
