package org.consentry.escalation.adapter.botframework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Consentry's ids for a Bot Framework conversation or user: "bf:" and the native id when it fits
 * Consentry's pattern (1-128 of A-Z a-z 0-9 . _ : @ -), else "bf:h:" and the SHA-256 of the native id
 * (Teams ids carry ';' and run long). The same native id always gives the same id.
 */
public final class PlatformIds {

    public static final String PREFIX = "bf:";
    private static final Pattern FITS = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private PlatformIds() {
    }

    public static String of(String nativeId) {
        String plain = PREFIX + nativeId;
        if (FITS.matcher(plain).matches() && !nativeId.startsWith("h:")) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(nativeId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + "h:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
