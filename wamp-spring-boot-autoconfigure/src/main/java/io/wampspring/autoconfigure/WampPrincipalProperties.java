package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * One principal of a realm ({@code wamp.realms[n].principals.<authid>}): the authrole it gets and the credentials of
 * the authentication methods it may use. A method the principal has no credential for fails for it.
 */
public class WampPrincipalProperties {

    /** Authrole of the principal's sessions. */
    private @Nullable String role;

    public @Nullable String getRole() {
        return role;
    }

    public void setRole(@Nullable String role) {
        this.role = role;
    }
}
