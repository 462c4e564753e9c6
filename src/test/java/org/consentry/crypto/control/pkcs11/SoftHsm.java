package org.consentry.crypto.control.pkcs11;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The SoftHSM2 tokens that scripts/ci/softhsm-token.sh made for this build (pom.xml, execution
 * softhsm-token): the library, the slots and the PIN files, from target/softhsm/token.properties; and the
 * token's objects as OpenSC's pkcs11-tool lists them, from outside the JVM that uses them.
 */
public final class SoftHsm {

    private final Properties properties = new Properties();

    public SoftHsm() {
        Path file = Path.of(System.getProperty("softhsm.dir", "target/softhsm"), "token.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the build runs scripts/ci/softhsm-token.sh, which needs"
                    + " SoftHSM2 (Debian: apt-get install softhsm2 opensc)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String get(String key) {
        return properties.getProperty(key);
    }

    /** The secret-key objects of the token in the slot, as pkcs11-tool --list-objects prints them (after login). */
    public String listSecretKeys(String slot) throws IOException, InterruptedException {
        String pin = Files.readString(Path.of(get("pin-file")), StandardCharsets.UTF_8).strip();
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", get("library"), "--slot", slot,
                "--login", "--pin", pin, "--list-objects", "--type", "secrkey"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SOFTHSM2_CONF", get("conf"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pkcs11-tool failed: " + out);
        }
        return out;
    }

    /** The listing's block of the object labelled {@code label}, or "" when the token holds none. */
    public static String object(String listing, String label) {
        for (String block : listing.split("(?m)^(?=Secret Key Object)")) {
            if (block.matches("(?s).*label:\\s+" + java.util.regex.Pattern.quote(label) + "\\s*\\n.*")) {
                return block;
            }
        }
        return "";
    }
}
