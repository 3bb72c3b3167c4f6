package io.wampspring.spring.security;

import io.wampspring.router.auth.SecretMatcher;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Compares configured tickets through Spring Security's {@link PasswordEncoder}s: a stored value in
 * {@code {id}encoded} form ({@code {bcrypt}...}, {@code {pbkdf2}...}, {@code {noop}...}) is checked by the encoder
 * of that id; a value without one is the ticket itself, compared in constant time.
 */
public final class PasswordEncoderSecretMatcher implements SecretMatcher {

    private final PasswordEncoder encoder;

    /** With Spring Security's delegating encoder, which knows every id it ships an encoder for. */
    public PasswordEncoderSecretMatcher() {
        this(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    public PasswordEncoderSecretMatcher(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public boolean matches(String presented, String stored) {
        if (stored.startsWith("{") && stored.indexOf('}') > 1) {
            return encoder.matches(presented, stored);
        }
        return SecretMatcher.PLAIN.matches(presented, stored);
    }
}
