package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * What the router stores for one WAMP-SCRAM user, never the password: the key derivation's parameters and salt, and
 * {@code StoredKey = SHA256(HMAC(SaltedPassword, "Client Key"))} and {@code ServerKey = HMAC(SaltedPassword,
 * "Server Key")}. The arrays are copied in and out.
 *
 * @param parameters the key derivation function and its costs
 * @param salt the per-user random salt (at least 8 bytes; 16 recommended)
 * @param storedKey 32 bytes
 * @param serverKey 32 bytes
 */
public record ScramCredential(ScramParameters parameters, byte[] salt, byte[] storedKey, byte[] serverKey) {

    /** The smallest salt accepted, in bytes (RFC 2898 and Argon2 both ask for at least 8). */
    public static final int MIN_SALT_LENGTH = 8;

    /** The salt length {@link #derive(String, ScramParameters)} uses. */
    public static final int SALT_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramCredential {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are required");
        }
        if (salt == null || salt.length < MIN_SALT_LENGTH) {
            throw new IllegalArgumentException("the salt must have at least " + MIN_SALT_LENGTH + " bytes");
        }
        if (storedKey == null || storedKey.length != ScramCrypto.KEY_LENGTH) {
            throw new IllegalArgumentException("the stored key must have " + ScramCrypto.KEY_LENGTH + " bytes");
        }
        if (serverKey == null || serverKey.length != ScramCrypto.KEY_LENGTH) {
            throw new IllegalArgumentException("the server key must have " + ScramCrypto.KEY_LENGTH + " bytes");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** Derives the credential of {@code password} with a fresh random salt. */
    public static ScramCredential derive(String password, ScramParameters parameters) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return derive(password, parameters, salt);
    }

    /**
     * Derives the credential of {@code password} (SASLprep-normalized first) with this salt: runs the key derivation
     * once, which is slow by design.
     */
    public static ScramCredential derive(String password, ScramParameters parameters, byte[] salt) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        byte[] normalized = Saslprep.prepare(password).getBytes(StandardCharsets.UTF_8);
        byte[] saltedPassword = parameters.kdf().saltedPassword(normalized, salt, parameters.iterations(),
                parameters.memory());
        byte[] clientKey = ScramCrypto.hmac(saltedPassword, "Client Key");
        return new ScramCredential(parameters, salt, ScramCrypto.sha256(clientKey),
                ScramCrypto.hmac(saltedPassword, "Server Key"));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** Base64 of the salt, as CHALLENGE.Extra.salt carries it. */
    public String saltBase64() {
        return ScramCrypto.base64(salt);
    }

    @Override
    public String toString() {
        // keys stay out of logs
        return "ScramCredential[" + parameters + ", salt=" + saltBase64() + "]";
    }

    // equals and hashCode by content: records compare arrays by identity
    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredential that && parameters.equals(that.parameters)
                && Arrays.equals(salt, that.salt) && Arrays.equals(storedKey, that.storedKey)
                && Arrays.equals(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode() * 31 + Arrays.hashCode(salt);
    }
}
