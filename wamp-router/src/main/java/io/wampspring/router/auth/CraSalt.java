package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PBKDF2 parameters of a salted WAMP-CRA secret, sent in the CHALLENGE's extra as {@code salt}, {@code iterations}
 * and {@code keylen}. With them, the shared secret is not the password but the key derived from it as autobahn
 * derives it: {@code base64(PBKDF2-HMAC-SHA256(password, salt, iterations, keylen))}, password and salt taken as UTF-8.
 *
 * @param salt the salt, as the client gets it
 * @param iterations PBKDF2 iterations, at least 1
 * @param keylen length of the derived key in bytes, at least 1
 */
public record CraSalt(String salt, int iterations, int keylen) {

    public CraSalt {
        if (iterations < 1 || keylen < 1) {
            throw new IllegalArgumentException("PBKDF2 needs iterations and keylen of at least 1, not " + iterations
                    + " and " + keylen);
        }
    }

    /** The derived key in base64, as autobahn's {@code derive_key} returns it: the client's HMAC key. */
    public String deriveKey(String password) {
        return Base64.getEncoder().encodeToString(pbkdf2(password.getBytes(StandardCharsets.UTF_8),
                salt.getBytes(StandardCharsets.UTF_8)));
    }

    /** PBKDF2 with HMAC-SHA256 (RFC 8018), over bytes, so no char encoding of the JDK's PBEKeySpec is involved. */
    private byte[] pbkdf2(byte[] password, byte[] saltBytes) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            // an empty password is a valid PBKDF2 input, but not a valid SecretKeySpec: pad as HMAC would
            hmac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            int blockLength = hmac.getMacLength();
            byte[] derived = new byte[keylen];
            for (int block = 1, offset = 0; offset < keylen; block++, offset += blockLength) {
                hmac.update(saltBytes);
                hmac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                        (byte) block});
                byte[] u = hmac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = hmac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, derived, offset, Math.min(blockLength, keylen - offset));
            }
            return derived;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
        }
    }
}
