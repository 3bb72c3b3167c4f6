package io.wampspring.autoconfigure;

import io.wampspring.router.auth.SecretMatcher;

/**
 * How configured tickets are compared when spring-security-crypto is absent: as given, or after {@code {noop}}
 * (Spring Security's marker for "not encoded"). Hashed forms need spring-security-crypto; validation refuses them
 * without it.
 */
final class StoredSecrets {

    static final String NOOP = "{noop}";

    static final SecretMatcher WITHOUT_ENCODERS = (presented, stored) -> SecretMatcher.PLAIN.matches(presented,
            stored.startsWith(NOOP) ? stored.substring(NOOP.length()) : stored);

    private StoredSecrets() {
    }
}
