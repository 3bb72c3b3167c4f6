package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/** The primitives of SCRAM-SHA-256 (RFC 5802, RFC 7677) that WAMP-SCRAM uses. */
final class ScramCrypto {

    static final int KEY_LENGTH = 32;

    private ScramCrypto() {
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    static byte[] xor(byte[] left, byte[] right) {
        byte[] result = new byte[left.length];
        for (int i = 0; i < left.length; i++) {
            result[i] = (byte) (left[i] ^ right[i]);
        }
        return result;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The bytes of {@code text} if it is base64 in canonical form (RFC 4648: padded, no whitespace, zero pad bits),
     * as WAMP-SCRAM requires of nonces, salts and proofs; else null.
     */
    static byte @Nullable [] canonicalBase64(@Nullable Object text) {
        if (!(text instanceof String string) || string.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(string);
            return base64(bytes).equals(string) ? bytes : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Compares in time that does not depend on where the values differ. */
    static boolean constantTimeEquals(byte[] left, byte[] right) {
        return MessageDigest.isEqual(left, right);
    }

    static boolean constantTimeEquals(String left, String right) {
        return MessageDigest.isEqual(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }
}
