package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * One principal of a realm ({@code wamp.realms[n].principals.<authid>}): the authrole it gets and the credentials of
 * the authentication methods it may use. A method the principal has no credential for fails for it.
 */
public class WampPrincipalProperties {

    /** Authrole of the principal's sessions. */
    private @Nullable String role;

    // --- ticket, wampcra and cryptosign credentials ---

    /**
     * Ticket for the ticket method: the ticket itself, or hashed as {id}hash ({bcrypt}..., {pbkdf2}..., {noop}...)
     * when spring-security-crypto is on the classpath. ${...} placeholders take it from the environment.
     */
    private @Nullable String ticket;

    /** WAMP-CRA credentials for the wampcra method: the shared secret, and PBKDF2 parameters to salt it. */
    private Wampcra wampcra = new Wampcra();

    /** WAMP-Cryptosign credentials for the cryptosign method: the principal's Ed25519 public keys. */
    private Cryptosign cryptosign = new Cryptosign();

    /**
     * WAMP-SCRAM credential (methods wamp-scram and scram): a password, or the derived kdf, iterations, memory, salt,
     * stored-key and server-key.
     */
    @NestedConfigurationProperty
    private @Nullable WampScramProperties scram;

    public @Nullable String getRole() {
        return role;
    }

    public void setRole(@Nullable String role) {
        this.role = role;
    }

    public @Nullable WampScramProperties getScram() {
        return scram;
    }

    public void setScram(@Nullable WampScramProperties scram) {
        this.scram = scram;
    }

    public @Nullable String getTicket() {
        return ticket;
    }

    public void setTicket(@Nullable String ticket) {
        this.ticket = ticket;
    }

    public Wampcra getWampcra() {
        return wampcra;
    }

    public void setWampcra(Wampcra wampcra) {
        this.wampcra = wampcra;
    }

    public Cryptosign getCryptosign() {
        return cryptosign;
    }

    public void setCryptosign(Cryptosign cryptosign) {
        this.cryptosign = cryptosign;
    }

    /**
     * A WAMP-CRA secret. Without salt, the HMAC key is the secret. With salt, the client derives the key from its
     * password with PBKDF2 (the CHALLENGE tells it salt, iterations and keylen); the router needs either the password
     * (secret) or only the derived key (derived-key), so that the password is stored nowhere.
     */
    public static class Wampcra {

        /**
         * Shared secret (without salt) or password (with salt), as plain text: the router computes HMACs with it, so
         * a hashed ({bcrypt}) value cannot work. ${...} placeholders take it from the environment.
         */
        private @Nullable String secret;

        /** Key derived from the password as autobahn's derive_key prints it (base64); needs salt. */
        private @Nullable String derivedKey;

        /** PBKDF2 salt of a salted secret; sent to the client in the CHALLENGE. */
        private @Nullable String salt;

        /** PBKDF2 iterations of a salted secret. */
        private int iterations = 1000;

        /** Length in bytes of the key derived from a salted secret. */
        private int keylen = 32;

        public @Nullable String getSecret() {
            return secret;
        }

        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        public @Nullable String getDerivedKey() {
            return derivedKey;
        }

        public void setDerivedKey(@Nullable String derivedKey) {
            this.derivedKey = derivedKey;
        }

        public @Nullable String getSalt() {
            return salt;
        }

        public void setSalt(@Nullable String salt) {
            this.salt = salt;
        }

        public int getIterations() {
            return iterations;
        }

        public void setIterations(int iterations) {
            this.iterations = iterations;
        }

        public int getKeylen() {
            return keylen;
        }

        public void setKeylen(int keylen) {
            this.keylen = keylen;
        }

        boolean isConfigured() {
            return secret != null || derivedKey != null;
        }
    }

    /** WAMP-Cryptosign public keys. */
    public static class Cryptosign {

        /** Ed25519 public keys of the principal, 32 bytes each in hex (64 hex digits). */
        private List<String> publicKeys = new ArrayList<>();

        public List<String> getPublicKeys() {
            return publicKeys;
        }

        public void setPublicKeys(List<String> publicKeys) {
            this.publicKeys = publicKeys;
        }
    }
}
