package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Sessions never hang: failing authenticators, silent peers, shutdown races, sessions ending together. */
class SessionLifecycleDefectsTest {

    private final List<WampRouter> routers = new ArrayList<>();

    @AfterEach
    void shutdown() {
        routers.forEach(router -> router.shutdown(Duration.ZERO));
    }

    private WampRouter router(RouterConfig config, Authenticator authenticator) {
        WampRouter router = new WampRouter(config,
                List.of(new RealmConfig("realm1", List.of(authenticator), Authorizer.PERMIT_ALL)));
        routers.add(router);
        return router;
    }

    private WampRouter anonymousRouter(RouterConfig config) {
        WampRouter router = new WampRouter(config, List.of(RealmConfig.anonymous("realm1")));
        routers.add(router);
        return router;
    }

    private static Hello hello(String method) {
        return new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authmethods", List.of(method)));
    }

    @Test
    void anAuthenticatorThatThrowsAbortsTheSession() {
        WampRouter router = router(RouterConfig.defaults(), authenticator("boom", request -> {
            throw new IllegalStateException("database down");
        }));
        TestPeer peer = new TestPeer(router);

        peer.send(hello("boom"));

        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        TestPeer.awaitFast(peer.transport::isClosed);
        assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
    }

    @Test
    void aChallengeContinuationThatThrowsAbortsTheSession() {
        WampRouter router = router(RouterConfig.defaults(), authenticator("ticket",
                request -> CompletableFuture.completedFuture(new AuthDecision.Challenge(Map.of(), authenticate -> {
                    throw new IllegalStateException("ticket store down");
                }))));
        TestPeer peer = new TestPeer(router);

        peer.send(hello("ticket"));
        peer.next(Challenge.class);
        peer.send(new Authenticate("secret", Map.of()));

        assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        TestPeer.awaitFast(peer.transport::isClosed);
    }

    @Test
    void anAuthenticatorReturningNullAbortsTheSession() {
        WampRouter router = router(RouterConfig.defaults(), authenticator("null", request -> null));
        TestPeer peer = new TestPeer(router);

        peer.send(hello("null"));

        assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
    }

    @Test
    void aConnectionThatNeverSaysHelloIsAbortedAfterTheHandshakeTimeout() {
        WampRouter router = anonymousRouter(RouterConfig.defaults().withHandshakeTimeout(Duration.ofMillis(100)));
        TestPeer peer = new TestPeer(router);

        Abort abort = peer.next(Abort.class);

        assertThat(abort.reason()).isEqualTo(WampUris.TIMEOUT);
        assertThat(abort.details().get("message")).asString().contains("no HELLO within 100 ms");
        TestPeer.awaitFast(peer.transport::isClosed);
    }

    @Test
    void anAuthenticationThatNeverEndsIsAbortedAfterTheHandshakeTimeout() {
        WampRouter router = router(RouterConfig.defaults().withHandshakeTimeout(Duration.ofMillis(100)),
                authenticator("slow", request -> new CompletableFuture<>()));
        TestPeer peer = new TestPeer(router);

        peer.send(hello("slow"));

        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        assertThat(abort.details().get("message")).asString().contains("did not complete within 100 ms");
    }

    @Test
    void aWelcomedSessionOutlivesTheHandshakeTimeoutAndLeavesNoTimerBehind() throws Exception {
        // long enough that a slow join on a loaded machine is not aborted: the test never waits for it to pass
        WampRouter router = anonymousRouter(RouterConfig.defaults().withHandshakeTimeout(Duration.ofSeconds(10)));
        TestPeer peer = TestPeer.joined(router, "realm1");
        ScheduledThreadPoolExecutor timer = (ScheduledThreadPoolExecutor) router.executors().timer();

        assertThat(timer.getQueue()).as("handshake timer cancelled on WELCOME").isEmpty();
        peer.register("com.example.still.here");
        assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.ESTABLISHED);

        // a router GOODBYE arms the close timer; the peer's answer disarms it
        peer.connection.session().goodbye(WampUris.CLOSE_KILLED, "bye");
        peer.next(Goodbye.class);
        assertThat(timer.getQueue()).hasSize(1);
        peer.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        assertThat(timer.getQueue()).as("goodbye timer cancelled once answered").isEmpty();
    }

    @Test
    void theRouterStopsTheExecutorsItOwns() {
        WampRouter router = anonymousRouter(RouterConfig.defaults());
        router.shutdown(Duration.ZERO);
        assertThat(router.executors().timer().isShutdown()).isTrue();
    }

    @Test
    void sessionsWelcomedWhileTheRouterShutsDownAreToldGoodbye() throws Exception {
        for (int round = 0; round < 50; round++) {
            WampRouter router = anonymousRouter(RouterConfig.defaults());
            List<TestPeer> peers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                peers.add(new TestPeer(router));
            }
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Void> hellos = CompletableFuture.runAsync(() -> {
                await(start);
                peers.forEach(peer -> peer.send(hello("anonymous")));
            });
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> {
                await(start);
                router.shutdown(Duration.ZERO);
            });
            start.countDown();
            CompletableFuture.allOf(hellos, shutdown).get(10, TimeUnit.SECONDS);

            for (TestPeer peer : peers) {
                // welcomed or not, nobody is left in an open session the router forgot about
                TestPeer.awaitFast(() -> peer.connection.session().state() == RouterSession.State.CLOSED
                        || peer.received().stream().anyMatch(message -> message instanceof Goodbye));
                // a welcomed session is told goodbye, or cut off (shutdown(ZERO) waits for nobody): never left open
                boolean welcomed = peer.received().stream().anyMatch(message -> message instanceof Welcome);
                if (welcomed) {
                    TestPeer.awaitFast(() -> peer.transport.isClosed()
                            || peer.received().stream().anyMatch(message -> message instanceof Goodbye));
                }
            }
        }
    }

    @Test
    void twoSessionsWithFullBuffersEndingTogetherDoNotDeadlock() {
        // a deadlock never ends: the limit only has to outlast 200 rounds on a heavily loaded machine
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 200; round++) {
                WampRouter router = anonymousRouter(new RouterConfig(UriCheck.LOOSE, 256,
                        SlowConsumerPolicy.DISCONNECT, Duration.ofSeconds(5)));
                TestPeer a = TestPeer.joined(router, "realm1");
                TestPeer b = TestPeer.joined(router, "realm1");
                a.register("com.example.a");
                b.register("com.example.b");
                // each calls the other, so each one's leaving fails a call of the other
                for (int i = 0; i < 3; i++) {
                    a.send(new Call(a.nextRequest(), Map.of(), "com.example.b", Payload.EMPTY));
                    b.send(new Call(b.nextRequest(), Map.of(), "com.example.a", Payload.EMPTY));
                }
                a.next(Invocation.class);
                b.next(Invocation.class);
                a.transport.stall();
                b.transport.stall();
                String filler = "x".repeat(300);
                a.send(new Call(a.nextRequest(), Map.of(), "com.example.b", Payload.ofArgs(filler)));
                b.send(new Call(b.nextRequest(), Map.of(), "com.example.a", Payload.ofArgs(filler)));

                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                    await(start);
                    a.connection.session().abort(WampUris.CLOSE_KILLED, "killed", 
                            io.wampspring.router.transport.CloseReason.NORMAL);
                });
                CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                    await(start);
                    b.connection.session().abort(WampUris.CLOSE_KILLED, "killed",
                            io.wampspring.router.transport.CloseReason.NORMAL);
                });
                start.countDown();
                CompletableFuture.allOf(first, second).join();
                assertThat(router.realm("realm1").sessions()).isEmpty();
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Authenticator authenticator(String method,
            java.util.function.Function<AuthRequest, java.util.concurrent.CompletionStage<AuthDecision>> decide) {
        return new Authenticator() {
            @Override
            public String authMethod() {
                return method;
            }

            @Override
            public java.util.concurrent.CompletionStage<AuthDecision> authenticate(AuthRequest request) {
                return decide.apply(request);
            }
        };
    }
}
