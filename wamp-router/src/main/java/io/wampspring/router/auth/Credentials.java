package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.WampUris;
import org.jspecify.annotations.Nullable;

/** What the authenticators of this package share: constant-time comparison, randomness, their one rejection. */
final class Credentials {

    /** Said for every wrong credential and unknown principal alike, so a client cannot tell which it was. */
    static final String FAILED_MESSAGE = "authentication failed: unknown principal or wrong credentials";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Credentials() {
    }

    /**
     * Compares in time independent of the content and of the length of either side: both are hashed first, so an
     * early mismatch or a length difference shows in no timing.
     */
    static boolean constantTimeEquals(String presented, String stored) {
        return constantTimeEquals(presented.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    static boolean constantTimeEquals(byte[] presented, byte[] stored) {
        return MessageDigest.isEqual(sha256(presented), sha256(stored));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The 32 bytes {@code hex} spells (either case), or null if it is not exactly that. */
    static byte @Nullable [] hex32(@Nullable Object hex) {
        if (!(hex instanceof String text) || text.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(text);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    static CompletionStage<AuthDecision> failed() {
        return CompletableFuture.completedFuture(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, FAILED_MESSAGE));
    }

    static CompletionStage<AuthDecision> failed(String message) {
        return CompletableFuture.completedFuture(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, message));
    }

    static CompletionStage<AuthDecision> accepted(AuthIdentity identity) {
        return CompletableFuture.completedFuture(AuthDecision.accept(identity));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
