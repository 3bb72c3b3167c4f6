package io.wampspring.router;

import java.util.List;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;

/**
 * One realm: its name, the authentication methods it accepts (in the router's order of preference), its authorizer,
 * how its dealer treats calls and how its broker treats publications.
 */
public record RealmConfig(String name, List<Authenticator> authenticators, Authorizer authorizer, RpcConfig rpc,
        PubSubConfig pubsub) {

    public RealmConfig {
        authenticators = List.copyOf(authenticators);
    }

    public RealmConfig(String name, List<Authenticator> authenticators, Authorizer authorizer) {
        this(name, authenticators, authorizer, RpcConfig.defaults(), PubSubConfig.defaults());
    }

    public RealmConfig withRpc(RpcConfig settings) {
        return new RealmConfig(name, authenticators, authorizer, settings, pubsub);
    }

    public RealmConfig withPubSub(PubSubConfig settings) {
        return new RealmConfig(name, authenticators, authorizer, rpc, settings);
    }

    /** A realm open to anonymous clients with the role {@code anonymous}, allowed everything. */
    public static RealmConfig anonymous(String name) {
        return new RealmConfig(name, List.of(new AnonymousAuthenticator("anonymous")), Authorizer.PERMIT_ALL);
    }
}
