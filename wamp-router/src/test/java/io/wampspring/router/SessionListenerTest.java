package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Session listeners, killing a session, refusing sessions while in-flight calls drain. */
class SessionListenerTest {

    private final WampRouter router = new WampRouter(RouterConfig.defaults(),
            List.of(RealmConfig.anonymous("realm1")));
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        router.close();
        executor.shutdownNow();
    }

    @Test
    void listenersHearClientSessionsJoinAndLeaveOnce() {
        List<String> heard = new CopyOnWriteArrayList<>();
        router.realm("realm1").addSessionListener(new SessionListener() {
            @Override
            public void joined(RouterSession session) {
                heard.add("joined " + session.sessionId() + " " + session.identity().authrole());
            }

            @Override
            public void left(RouterSession session) {
                heard.add("left " + session.sessionId());
            }
        });
        TestPeer peer = TestPeer.joined(router, "realm1");
        assertThat(heard).containsExactly("joined " + peer.sessionId + " anonymous");
        assertThat(peer.connection.session().joinedAt()).isGreaterThanOrEqualTo(peer.connection.session().createdAt());

        peer.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        peer.next(Goodbye.class);
        peer.disconnect();
        assertThat(heard).containsExactly("joined " + peer.sessionId + " anonymous", "left " + peer.sessionId);
    }

    @Test
    void killSaysGoodbyeWithTheReasonAndTheSessionLeaves() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        Realm realm = router.realm("realm1");

        assertThat(realm.kill(peer.sessionId + 1, WampUris.CLOSE_KILLED, "no such")).isFalse();
        assertThat(realm.kill(peer.sessionId, WampUris.CLOSE_KILLED, "by the operator")).isTrue();

        Goodbye goodbye = peer.next(Goodbye.class);
        assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_KILLED);
        assertThat(goodbye.details()).containsEntry("message", "by the operator");
        assertThat(realm.sessions()).isEmpty();
        peer.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        TestPeer.awaitFast(() -> peer.transport.closedWith.get() == CloseReason.NORMAL);
    }

    @Test
    void beginShutdownRefusesNewSessionsWhileInFlightCallsFinish() throws Exception {
        CompletableFuture<Payload> release = new CompletableFuture<>();
        LocalSession callee = new LocalSession(router, "realm1",
                new AuthIdentity("app", "app", "local", "test", Map.of()), executor);
        callee.register("com.example.slow", Map.of(), invocation -> release).get(10, TimeUnit.SECONDS);
        assertThat(callee.whenIdle()).isDone();

        TestPeer caller = TestPeer.joined(router, "realm1");
        long request = caller.nextRequest();
        caller.send(new Call(request, Map.of(), "com.example.slow", Payload.EMPTY));
        TestPeer.awaitFast(() -> !callee.whenIdle().isDone());
        CompletableFuture<Void> idle = callee.whenIdle();

        router.beginShutdown();
        assertThat(router.isClosed()).isTrue();
        TestPeer late = new TestPeer(router);
        late.send(new io.wampspring.router.message.Hello("realm1", Map.of("roles", TestPeer.ROLES)));
        assertThat(late.next(Abort.class).reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
        assertThat(idle).isNotDone();

        release.complete(Payload.of(List.of("done"), null));
        idle.get(10, TimeUnit.SECONDS);
        assertThat(caller.next(Result.class).payload().args()).containsExactly("done");

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> router.shutdown(Duration.ofSeconds(30)));
        assertThat(caller.next(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
        caller.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        shutdown.get(10, TimeUnit.SECONDS);
    }
}
