package io.wampspring.router;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;

/** Shared set-up of the advanced RPC tests: a router with one realm and peers announcing the advanced features. */
final class RpcTesting {

    static final String REALM = "realm1";
    static final AuthIdentity LOCAL = new AuthIdentity("local-app", "service", "local", "test");

    private RpcTesting() {
    }

    static WampRouter router() {
        return router(RpcConfig.defaults());
    }

    static WampRouter router(RpcConfig rpc) {
        return new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous(REALM).withRpc(rpc)));
    }

    static RpcConfig disclosure(Disclosure disclosure) {
        return new RpcConfig(disclosure, Duration.ZERO, List.of());
    }

    /** A peer announcing every advanced RPC feature. */
    static TestPeer advanced(WampRouter router) {
        return TestPeer.joinedWith(router, REALM, TestPeer.ADVANCED_ROLES);
    }

    static TestPeer advanced(WampRouter router, WampSerializer serializer) {
        return TestPeer.joinedWith(router, serializer, REALM, TestPeer.ADVANCED_ROLES);
    }

    /** A peer announcing no feature at all. */
    static TestPeer basic(WampRouter router) {
        return TestPeer.joined(router, REALM);
    }

    static Dealer dealer(WampRouter router) {
        return router.realm(REALM).dealer();
    }

    /** Options or details from alternating keys and values, in order. */
    static Map<String, Object> options(Object... keysAndValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return options;
    }

    static Stream<WampSerializer> serializers() {
        return Serializers.all().stream();
    }
}
