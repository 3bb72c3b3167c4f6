package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * One principal of a realm ({@code wamp.realms[n].principals.<authid>}): the authrole it gets and the credentials of
 * the authentication methods it may use. A method the principal has no credential for fails for it.
 */
public class WampPrincipalProperties {

    /** Authrole of the principal's sessions. */
    private @Nullable String role;

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
}
