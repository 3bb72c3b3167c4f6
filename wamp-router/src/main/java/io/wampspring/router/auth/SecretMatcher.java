package io.wampspring.router.auth;

/**
 * Checks a secret a client presented (a ticket) against the one configured for its principal, which may be stored
 * as is or hashed (a Spring Security {@code PasswordEncoder} fits here, as {@code encoder::matches}). Implementations
 * must not take longer or shorter depending on how much of the secret was right.
 */
@FunctionalInterface
public interface SecretMatcher {

    /** The stored secret is the secret itself: compared in constant time. */
    SecretMatcher PLAIN = Credentials::constantTimeEquals;

    boolean matches(String presented, String stored);
}
