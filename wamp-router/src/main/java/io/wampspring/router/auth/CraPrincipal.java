package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A principal that authenticates with WAMP-CRA: its role, and the HMAC key client and router share, with the PBKDF2
 * parameters when the secret is salted.
 */
public final class CraPrincipal {

    private final String authrole;
    private final byte[] key;
    private final @Nullable CraSalt salt;

    private CraPrincipal(String authrole, byte[] key, @Nullable CraSalt salt) {
        this.authrole = authrole;
        this.key = key;
        this.salt = salt;
    }

    /** The secret itself is the HMAC key (UTF-8). */
    public static CraPrincipal plain(String authrole, String secret) {
        return new CraPrincipal(authrole, secret.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A salted secret given as the password: the router derives the key once, here. */
    public static CraPrincipal salted(String authrole, String password, CraSalt salt) {
        return derived(authrole, salt.deriveKey(password), salt);
    }

    /**
     * A salted secret given as the derived key only (base64, as autobahn's {@code derive_key} prints it), so the
     * password itself is stored nowhere on the router's side.
     */
    public static CraPrincipal derived(String authrole, String derivedKey, CraSalt salt) {
        return new CraPrincipal(authrole, derivedKey.getBytes(StandardCharsets.US_ASCII), salt);
    }

    public String authrole() {
        return authrole;
    }

    byte[] key() {
        return key;
    }

    public @Nullable CraSalt salt() {
        return salt;
    }

    @Override
    public String toString() {
        return "CraPrincipal[authrole=" + authrole + ", salt=" + salt + ", key=<hidden>]";
    }
}
