package io.wampspring.router;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.transport.CloseReason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions per realm and per remote address: a HELLO beyond either limit is ABORTed with
 * {@code wamp.error.limit_exceeded}, and a place comes back however its session ends.
 */
class SessionLimitsTest {

    private static final InetSocketAddress ALICE = new InetSocketAddress("10.0.0.1", 40001);
    private static final InetSocketAddress ALICE_AGAIN = new InetSocketAddress("10.0.0.1", 40002);
    private static final InetSocketAddress BOB = new InetSocketAddress("10.0.0.2", 40001);

    private final List<String> exceeded = new CopyOnWriteArrayList<>();
    private final RouterObserver observer = new RouterObserver() {
        @Override
        public void limitExceeded(@Nullable String realm, Limit limit) {
            exceeded.add(realm + " " + limit.tagValue());
        }
    };
    private WampRouter router;

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    private WampRouter router(LimitsConfig limits, RealmConfig... realms) {
        router = new WampRouter(RouterConfig.defaults().withLimits(limits), List.of(realms), RouterExecutors.owned(),
                observer);
        return router;
    }

    private TestPeer peer(@Nullable InetSocketAddress from) {
        return new TestPeer(router, Serializers.JSON, from);
    }

    private static void assertRefused(TestPeer peer, String realm, Limit limit) {
        peer.send(new Hello(realm, Map.of("roles", TestPeer.ROLES)));
        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.LIMIT_EXCEEDED);
        assertThat(abort.details()).containsEntry("limit", limit.tagValue());
        assertThat(abort.details().get("message")).asString().contains("wamp.limits." + limit.tagValue());
        assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        peer.expectNothingMore();
    }

    @Test
    void aRealmTakesItsLimitOfSessionsAndEachOtherRealmItsOwn() {
        router(new LimitsConfig(2, 0, 0, 0, 0), RealmConfig.anonymous("realm1"), RealmConfig.anonymous("realm2"));
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer.joined(router, "realm1");

        assertRefused(peer(null), "realm1", Limit.SESSIONS_PER_REALM);
        assertThat(exceeded).containsExactly("realm1 sessions-per-realm");

        TestPeer.joined(router, "realm2");
        TestPeer.joined(router, "realm2");
        first.roundTrip();
        assertThat(router.admission().sessionsIn("realm1")).isEqualTo(2);
        assertThat(router.realm("realm1").sessions()).hasSize(2);
    }

    @Test
    void inProcessSessionsAreTheApplicationAndTakeNoPlace() {
        router(new LimitsConfig(1, 0, 0, 0, 0), RealmConfig.anonymous("realm1"));
        LocalSession local = new LocalSession(router, "realm1", new AuthIdentity("app", "trusted", "local", "app"),
                Runnable::run);
        TestPeer.joined(router, "realm1");

        assertThat(router.realm("realm1").sessions()).hasSize(2);
        assertRefused(peer(null), "realm1", Limit.SESSIONS_PER_REALM);
        local.close();
    }

    @Test
    void aPlaceComesBackAfterGoodbyeAbortOrALostConnection() {
        router(new LimitsConfig(1, 0, 0, 0, 0), RealmConfig.anonymous("realm1"));

        TestPeer polite = TestPeer.joined(router, "realm1");
        assertRefused(peer(null), "realm1", Limit.SESSIONS_PER_REALM);
        polite.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        polite.next(Goodbye.class);

        TestPeer aborting = TestPeer.joined(router, "realm1");
        aborting.send(new Abort(Map.of(), WampUris.CLOSE_NORMAL, io.wampspring.router.message.Payload.EMPTY));
        await().until(() -> router.admission().sessionsIn("realm1") == 0);

        TestPeer dropped = TestPeer.joined(router, "realm1");
        dropped.disconnect();
        assertThat(router.admission().sessionsIn("realm1")).isZero();

        TestPeer killed = TestPeer.joined(router, "realm1");
        assertThat(router.realm("realm1").kill(killed.sessionId, WampUris.CLOSE_KILLED, "test")).isTrue();
        killed.next(Goodbye.class);
        killed.disconnect();

        TestPeer.joined(router, "realm1");
        assertThat(router.admission().sessionsIn("realm1")).isEqualTo(1);
    }

    @Test
    void aSessionThatFailsToAuthenticateGivesItsPlaceBack() {
        Authenticator refusing = new Authenticator() {
            @Override
            public String authMethod() {
                return "ticket";
            }

            @Override
            public CompletableFuture<AuthDecision> authenticate(io.wampspring.router.auth.AuthRequest request) {
                return CompletableFuture.completedFuture(
                        AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "no such ticket"));
            }
        };
        router(new LimitsConfig(1, 0, 0, 0, 0), new RealmConfig("realm1",
                List.of(refusing, new AnonymousAuthenticator("anonymous")), Authorizer.PERMIT_ALL));

        TestPeer failing = peer(null);
        failing.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("ticket"))));
        assertThat(failing.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);

        assertThat(router.admission().sessionsIn("realm1")).isZero();
        TestPeer.joined(router, "realm1");
    }

    @Test
    void anAddressTakesItsLimitOfSessionsOverEveryRealm() {
        router(new LimitsConfig(0, 2, 0, 0, 0), RealmConfig.anonymous("realm1"), RealmConfig.anonymous("realm2"));
        TestPeer first = peer(ALICE);
        first.join("realm1");
        peer(ALICE_AGAIN).join("realm2");

        assertRefused(peer(ALICE), "realm2", Limit.SESSIONS_PER_ADDRESS);
        assertThat(exceeded).containsExactly("realm2 sessions-per-address");

        // another address, and a transport that knows no address, are not held back by Alice's
        peer(BOB).join("realm1");
        peer(null).join("realm1");

        first.disconnect();
        peer(ALICE).join("realm1");
        assertThat(router.admission().sessionsFrom(ALICE)).isEqualTo(2);
    }

    @Test
    void addressesLeaveTheCountOnceTheirLastSessionHasGone() {
        router(new LimitsConfig(0, 3, 0, 0, 0), RealmConfig.anonymous("realm1"));
        List<TestPeer> peers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestPeer peer = peer(new InetSocketAddress("10.0.1." + i, 50000));
            peer.join("realm1");
            peers.add(peer);
        }
        assertThat(router.admission().addressesCounted()).isEqualTo(20);
        peers.forEach(TestPeer::disconnect);
        assertThat(router.admission().addressesCounted()).isZero();
    }

    @Test
    void aRealmRefusalGivesTheAddressItsPlaceBack() {
        router(new LimitsConfig(1, 1, 0, 0, 0), RealmConfig.anonymous("realm1"), RealmConfig.anonymous("realm2"));
        peer(ALICE).join("realm1");
        assertRefused(peer(BOB), "realm1", Limit.SESSIONS_PER_REALM);

        assertThat(router.admission().sessionsFrom(BOB)).isZero();
        peer(BOB).join("realm2");
    }

    @Test
    void withoutLimitsNothingIsCounted() {
        router(LimitsConfig.NONE, RealmConfig.anonymous("realm1"));
        for (int i = 0; i < 50; i++) {
            peer(ALICE).join("realm1");
        }
        assertThat(router.admission().sessionsIn("realm1")).isZero();
        assertThat(router.admission().addressesCounted()).isZero();
        assertThat(exceeded).isEmpty();
    }
}
