package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The WAMP-SCRAM credential of one principal ({@code wamp.realms[n].principals.<authid>.scram}), in one of two forms:
 * a {@code password} the router derives the keys from at start-up (convenient, but the configuration then holds the
 * password), or the derived values ({@code kdf}, {@code iterations}, {@code memory}, {@code salt},
 * {@code stored-key}, {@code server-key}) that {@link WampScramCredentials} prints, so that no password is stored.
 */
public class WampScramProperties {

    /** Default Argon2id time cost of the password form (OWASP's minimum for 19 MiB). */
    static final int DEFAULT_ARGON2_ITERATIONS = 2;

    /** Default Argon2id memory cost of the password form, in KiB (19 MiB). */
    static final int DEFAULT_ARGON2_MEMORY = 19456;

    /** Default PBKDF2-HMAC-SHA-256 iteration count of the password form (OWASP's recommendation). */
    static final int DEFAULT_PBKDF2_ITERATIONS = 600_000;

    /**
     * The password, from which the router derives the keys at start-up (with a new random salt each start). Leave it
     * out and give salt, stored-key and server-key instead to keep passwords out of the configuration.
     */
    private @Nullable String password;

    /**
     * Key derivation function: argon2id13 (Argon2id as the WAMP spec names it), argon2id-13 (Argon2id as
     * autobahn-python and Crossbar.io derive it) or pbkdf2 (PBKDF2-HMAC-SHA-256). With a password and Argon2id the
     * router derives both Argon2id forms, so clients of either kind can authenticate.
     */
    private String kdf = "argon2id13";

    /**
     * Time cost: Argon2id's iterations or PBKDF2's iteration count. Defaults with a password to 2 (Argon2id) or
     * 600000 (PBKDF2); required with derived values (the one they were derived with).
     */
    private @Nullable Integer iterations;

    /**
     * Argon2id's memory cost in KiB (at least 8). Defaults with a password to 19456 (19 MiB); required with derived
     * Argon2id values; not used by PBKDF2.
     */
    private @Nullable Integer memory;

    /** Derived form: the principal's random salt, base64 (at least 8 bytes; 16 recommended). */
    private @Nullable String salt;

    /** Derived form: StoredKey = SHA256(HMAC(SaltedPassword, "Client Key")), base64 of 32 bytes. */
    private @Nullable String storedKey;

    /** Derived form: ServerKey = HMAC(SaltedPassword, "Server Key"), base64 of 32 bytes. */
    private @Nullable String serverKey;

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public String getKdf() {
        return kdf;
    }

    public void setKdf(String kdf) {
        this.kdf = kdf;
    }

    public @Nullable Integer getIterations() {
        return iterations;
    }

    public void setIterations(@Nullable Integer iterations) {
        this.iterations = iterations;
    }

    public @Nullable Integer getMemory() {
        return memory;
    }

    public void setMemory(@Nullable Integer memory) {
        this.memory = memory;
    }

    public @Nullable String getSalt() {
        return salt;
    }

    public void setSalt(@Nullable String salt) {
        this.salt = salt;
    }

    public @Nullable String getStoredKey() {
        return storedKey;
    }

    public void setStoredKey(@Nullable String storedKey) {
        this.storedKey = storedKey;
    }

    public @Nullable String getServerKey() {
        return serverKey;
    }

    public void setServerKey(@Nullable String serverKey) {
        this.serverKey = serverKey;
    }
}
