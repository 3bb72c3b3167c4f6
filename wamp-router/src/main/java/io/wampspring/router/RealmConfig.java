package io.wampspring.router;

import java.util.List;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;

/**
 * One realm: its name, the authentication methods it accepts (in the router's order of preference), its authorizer
 * and how its dealer treats calls.
 */
public record RealmConfig(String name, List<Authenticator> authenticators, Authorizer authorizer, RpcConfig rpc) {

    public RealmConfig {
        authenticators = List.copyOf(authenticators);
    }

    public RealmConfig(String name, List<Authenticator> authenticators, Authorizer authorizer) {
        this(name, authenticators, authorizer, RpcConfig.defaults());
    }

    public RealmConfig withRpc(RpcConfig settings) {
        return new RealmConfig(name, authenticators, authorizer, settings);
    }

    /** A realm open to anonymous clients with the role {@code anonymous}, allowed everything. */
    public static RealmConfig anonymous(String name) {
        return new RealmConfig(name, List.of(new AnonymousAuthenticator("anonymous")), Authorizer.PERMIT_ALL);
    }
}
