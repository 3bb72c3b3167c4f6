package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Permission;
import io.wampspring.router.auth.RuleAuthorizer;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.wampspring.router.auth.Action.CALL;
import static io.wampspring.router.auth.Action.PUBLISH;
import static io.wampspring.router.auth.Action.REGISTER;
import static io.wampspring.router.auth.Action.SUBSCRIBE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule-based authorizer in the dealer and broker: each refused request gets {@code wamp.error.not_authorized}
 * alone, the meta API stays closed to roles that are not granted it while the router's services keep working, and a
 * role's disclosure rules disclose its calls and publications.
 */
class AuthorizationRoutingTest {

    private static final String REALM = "realm1";

    private static final Map<String, List<Permission>> RULES = Map.of(
            "shopper", List.of(new Permission("com.shop.", MatchPolicy.PREFIX, Set.of(CALL, SUBSCRIBE), true, false)),
            "backend", List.of(new Permission("com.shop.", MatchPolicy.PREFIX, Set.of(REGISTER, PUBLISH), false, true),
                    new Permission("", MatchPolicy.PREFIX, Set.of(Action.values()))),
            "watcher", List.of(new Permission("wamp.session.on_join", MatchPolicy.EXACT, Set.of(SUBSCRIBE)),
                    new Permission("wamp.session.count", MatchPolicy.EXACT, Set.of(CALL))));

    private WampRouter router;

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    private void start(Disclosure callers, Disclosure publishers) {
        RealmConfig realm = new RealmConfig(REALM, List.of(new RoleIsAuthid()), new RuleAuthorizer(RULES),
                new RpcConfig(callers, Duration.ZERO, List.of()), new PubSubConfig(publishers));
        router = new WampRouter(RouterConfig.defaults(), List.of(realm));
    }

    /** Joins with {@code role} as authid and authrole. */
    private TestPeer join(String role) {
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello(REALM, Map.of("roles", TestPeer.ADVANCED_ROLES, "authid", role,
                "authmethods", List.of(RoleIsAuthid.METHOD))));
        peer.sessionId = peer.next(Welcome.class).session();
        return peer;
    }

    @Test
    void eachRefusedRequestGetsNotAuthorizedAndTheSessionCarriesOn() {
        start(Disclosure.ON_REQUEST, Disclosure.ON_REQUEST);
        TestPeer shopper = join("shopper");

        shopper.send(new Register(1L, Map.of(), "com.shop.order.create"));
        assertThat(shopper.nextError(MessageType.REGISTER, 1L, WampUris.NOT_AUTHORIZED).payload().args())
                .containsExactly("role 'shopper' is not authorized to register 'com.shop.order.create'");
        shopper.send(new Publish(2L, Map.of("acknowledge", true), "com.shop.order.created", Payload.EMPTY));
        assertThat(shopper.nextError(MessageType.PUBLISH, 2L, WampUris.NOT_AUTHORIZED).payload().args())
                .containsExactly("role 'shopper' is not authorized to publish to 'com.shop.order.created'");
        shopper.send(new Subscribe(3L, Map.of(), "org.bank.transfers"));
        assertThat(shopper.nextError(MessageType.SUBSCRIBE, 3L, WampUris.NOT_AUTHORIZED).payload().args())
                .containsExactly("role 'shopper' is not authorized to subscribe to 'org.bank.transfers'");
        shopper.send(new Call(4L, Map.of(), "org.bank.transfer", Payload.EMPTY));
        assertThat(shopper.nextError(MessageType.CALL, 4L, WampUris.NOT_AUTHORIZED).payload().args())
                .containsExactly("role 'shopper' is not authorized to call 'org.bank.transfer'");

        // what the role may do still works, on the same session
        shopper.subscribe("com.shop.order.created");
        shopper.send(new Call(5L, Map.of(), "com.shop.order.create", Payload.EMPTY));
        shopper.nextError(MessageType.CALL, 5L, WampUris.NO_SUCH_PROCEDURE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMetaApiIsClosedToBroadRulesAndOpenToNamedOnesWhileTheServicesWork() {
        start(Disclosure.ON_REQUEST, Disclosure.ON_REQUEST);
        TestPeer backend = join("backend"); // allowed everything under "" prefix: still not wamp.
        for (String procedure : List.of("wamp.session.count", "wamp.session.kill_all", "wamp.registration.list",
                "wamp.subscription.get_events")) {
            long request = backend.nextRequest();
            backend.send(new Call(request, Map.of(), procedure, Payload.EMPTY));
            backend.nextError(MessageType.CALL, request, WampUris.NOT_AUTHORIZED);
        }
        backend.send(new Subscribe(90L, Map.of(), "wamp.session.on_join"));
        backend.nextError(MessageType.SUBSCRIBE, 90L, WampUris.NOT_AUTHORIZED);

        TestPeer watcher = join("watcher");
        watcher.subscribe("wamp.session.on_join");
        TestPeer joining = join("shopper");
        // the router's service session published the meta event although no rule names its role
        Event joined = watcher.next(Event.class);
        assertThat(joined.payload().args()).hasSize(1);
        assertThat((Map<String, Object>) joined.payload().args().get(0)).containsEntry("session", joining.sessionId)
                .containsEntry("authrole", "shopper");
        watcher.send(new Call(1L, Map.of(), "wamp.session.count", Payload.EMPTY));
        assertThat(watcher.next(Result.class).payload().args()).containsExactly(3L);
        watcher.send(new Call(2L, Map.of(), "wamp.session.list", Payload.EMPTY));
        watcher.nextError(MessageType.CALL, 2L, WampUris.NOT_AUTHORIZED);
    }

    @Test
    void aRoleWhoseRulesDiscloseItsCallsAndPublicationsIsDisclosed() {
        start(Disclosure.ON_REQUEST, Disclosure.ON_REQUEST);
        TestPeer backend = join("backend");
        backend.register("com.shop.order.create");
        TestPeer shopper = join("shopper");
        shopper.subscribe("com.shop.order.created");

        shopper.send(new Call(1L, Map.of(), "com.shop.order.create", Payload.EMPTY)); // no disclose_me
        Invocation invocation = backend.next(Invocation.class);
        assertThat(invocation.details()).containsEntry("caller", shopper.sessionId)
                .containsEntry("caller_authid", "shopper").containsEntry("caller_authrole", "shopper");
        backend.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
        shopper.next(Result.class);

        backend.send(new Publish(2L, Map.of("acknowledge", true), "com.shop.order.created", Payload.EMPTY));
        backend.next(Published.class);
        assertThat(shopper.next(Event.class).details()).containsEntry("publisher", backend.sessionId)
                .containsEntry("publisher_authid", "backend").containsEntry("publisher_authrole", "backend");
    }

    @Test
    void aRealmThatNeverDisclosesOverridesTheRules() {
        start(Disclosure.NEVER, Disclosure.NEVER);
        TestPeer backend = join("backend");
        backend.register("com.shop.order.create");
        TestPeer shopper = join("shopper");
        shopper.subscribe("com.shop.order.created");

        shopper.send(new Call(1L, Map.of(), "com.shop.order.create", Payload.EMPTY));
        assertThat(backend.next(Invocation.class).details()).doesNotContainKeys("caller", "caller_authid");
        backend.send(new Publish(2L, Map.of("acknowledge", true), "com.shop.order.created", Payload.EMPTY));
        backend.next(Published.class);
        assertThat(shopper.next(Event.class).details()).doesNotContainKeys("publisher", "publisher_authid");
    }

    /** The authid the client claims is its role: enough to put sessions of several roles in one realm. */
    private static final class RoleIsAuthid implements Authenticator {

        static final String METHOD = "role-is-authid";

        @Override
        public String authMethod() {
            return METHOD;
        }

        @Override
        public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
            String role = request.authid();
            return CompletableFuture.completedFuture(AuthDecision.accept(
                    new AuthIdentity(role, role, METHOD, "test")));
        }
    }
}
