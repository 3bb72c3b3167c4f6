package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A realm's dynamic ticket authenticator ({@code wamp.realms[n].dynamic-authenticator}), as Crossbar has it: the
 * router checks each ticket by calling a WAMP procedure with (realm, authid, details).
 */
public class WampDynamicAuthenticatorProperties {

    /**
     * URI of the procedure that checks tickets of the realm's ticket method; it returns the authrole (or a dictionary
     * with role, and optionally authid and extra), or raises an error to refuse. Unset: tickets are checked
     * against the realm's principals.
     */
    private @Nullable String procedure;

    /** The realm the procedure is registered in. Unset: the realm being authenticated in. */
    private @Nullable String realm;

    public @Nullable String getProcedure() {
        return procedure;
    }

    public void setProcedure(@Nullable String procedure) {
        this.procedure = procedure;
    }

    public @Nullable String getRealm() {
        return realm;
    }

    public void setRealm(@Nullable String realm) {
        this.realm = realm;
    }
}
