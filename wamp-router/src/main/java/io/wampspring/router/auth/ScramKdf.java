package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * The key derivation functions of WAMP-SCRAM, by the names CHALLENGE.Extra.kdf carries. Each turns a (normalized)
 * password into the 32-byte {@code SaltedPassword} the SCRAM keys are made from.
 */
public enum ScramKdf {

    /** Argon2id version 1.3, parallelism 1, 32-byte output: the WAMP spec's {@code "argon2id13"}. */
    ARGON2ID13("argon2id13") {
        @Override
        byte[] saltedPassword(byte[] password, byte[] salt, int iterations, int memory) {
            return argon2id(password, salt, iterations, memory);
        }
    },

    /**
     * Argon2id as autobahn-python and Crossbar.io use it under the name {@code "argon2id-13"}: the same hash, but
     * their {@code SaltedPassword} is the hash's unpadded base64 text (as in the {@code $argon2id$...} encoding), not
     * its bytes. Credentials made by autobahn-python's {@code derive_scram_credential} are of this kind.
     */
    ARGON2ID_13("argon2id-13") {
        @Override
        byte[] saltedPassword(byte[] password, byte[] salt, int iterations, int memory) {
            return Base64.getEncoder().withoutPadding().encode(argon2id(password, salt, iterations, memory));
        }
    },

    /** PBKDF2 with HMAC-SHA-256, 32-byte output: {@code "pbkdf2"}. */
    PBKDF2("pbkdf2") {
        @Override
        byte[] saltedPassword(byte[] password, byte[] salt, int iterations, int memory) {
            // PBEKeySpec takes chars and hashes their UTF-8 encoding, which is what the password bytes are
            char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(chars, salt, iterations, 256)).getEncoded();
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
            }
        }
    };

    private final String wireName;

    ScramKdf(String wireName) {
        this.wireName = wireName;
    }

    /** The name in CHALLENGE.Extra.kdf and in configuration. */
    public String wireName() {
        return wireName;
    }

    /** Whether the function takes a memory cost (Argon2id does, in KiB). */
    public boolean usesMemory() {
        return this != PBKDF2;
    }

    /** The function named {@code wireName} exactly, or null. */
    public static @Nullable ScramKdf byName(@Nullable String wireName) {
        for (ScramKdf kdf : values()) {
            if (kdf.wireName.equals(wireName)) {
                return kdf;
            }
        }
        return null;
    }

    /** {@code SaltedPassword = KDF(password, salt, iterations, memory)}; {@code password} is the normalized UTF-8. */
    abstract byte[] saltedPassword(byte[] password, byte[] salt, int iterations, int memory);

    private static byte[] argon2id(byte[] password, byte[] salt, int iterations, int memory) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withIterations(iterations)
                .withMemoryAsKB(memory)
                .withParallelism(1)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[32];
        generator.generateBytes(password, hash);
        return hash;
    }
}
