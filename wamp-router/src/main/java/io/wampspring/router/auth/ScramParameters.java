package io.wampspring.router.auth;

/**
 * The cost of a WAMP-SCRAM key derivation, as CHALLENGE.Extra tells it to the client.
 *
 * @param kdf the key derivation function
 * @param iterations its time cost (Argon2id's iterations, PBKDF2's iteration count); at least 1
 * @param memory Argon2id's memory cost in KiB (at least 8); 0 for PBKDF2
 */
public record ScramParameters(ScramKdf kdf, int iterations, int memory) {

    /** Argon2id's smallest memory cost with parallelism 1, in KiB. */
    public static final int MIN_ARGON2_MEMORY = 8;

    public ScramParameters {
        if (kdf == null) {
            throw new IllegalArgumentException("kdf is required");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
        }
        if (kdf.usesMemory() && memory < MIN_ARGON2_MEMORY) {
            throw new IllegalArgumentException("memory of " + kdf.wireName() + " must be at least "
                    + MIN_ARGON2_MEMORY + " (KiB), not " + memory);
        }
        if (!kdf.usesMemory() && memory != 0) {
            throw new IllegalArgumentException(kdf.wireName() + " takes no memory cost");
        }
    }

    /** Argon2id (the spec's {@code argon2id13}) with these costs. */
    public static ScramParameters argon2id(int iterations, int memoryKib) {
        return new ScramParameters(ScramKdf.ARGON2ID13, iterations, memoryKib);
    }

    /** PBKDF2-HMAC-SHA-256 with this iteration count. */
    public static ScramParameters pbkdf2(int iterations) {
        return new ScramParameters(ScramKdf.PBKDF2, iterations, 0);
    }

    /** The same costs under another function of the same family (Argon2id under its other name). */
    ScramParameters as(ScramKdf other) {
        return new ScramParameters(other, iterations, memory);
    }
}
