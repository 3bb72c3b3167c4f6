package io.wampspring.router.auth;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jspecify.annotations.Nullable;

/**
 * Ed25519 signature checks from raw 32-byte public keys, with BouncyCastle's lightweight API (a dependency of the
 * router already, for Argon2id): it verifies about 8 times faster than the JDK 17 provider on our benchmark
 * (docs/benchmarks.md, "Security"), which matters because every cryptosign login costs the router one check.
 */
final class Ed25519Verifier {

    private static final int KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    private Ed25519Verifier() {
    }

    /**
     * The key of 32 raw bytes; null for 32 bytes that are no point of the curve (a key nobody can sign for: such a
     * principal never verifies, as with the JDK provider, which finds out only when it verifies).
     */
    static @Nullable Ed25519PublicKeyParameters publicKey(byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + raw.length + " bytes, not 32");
        }
        try {
            return new Ed25519PublicKeyParameters(raw, 0);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Whether {@code signature} is {@code key}'s over {@code message}; a malformed signature is simply not. */
    static boolean verify(@Nullable Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        if (key == null) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, key);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
        catch (RuntimeException ex) {
            return false;
        }
    }
}
