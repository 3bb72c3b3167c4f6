package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterShutdownTest {

    private final WampRouter router = new WampRouter(RouterConfig.defaults(),
            List.of(RealmConfig.anonymous("realm1"), RealmConfig.anonymous("realm2")));

    @Test
    void shutdownSaysGoodbyeAndClosesWhenThePeersAnswer() throws Exception {
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm2");
        first.register("com.example.proc");

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> router.shutdown(Duration.ofSeconds(30)));

        for (TestPeer peer : List.of(first, second)) {
            Goodbye goodbye = peer.next(Goodbye.class);
            assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
            assertThat(peer.transport.isClosed()).as("closed before the peer answered").isFalse();
        }
        // the sessions left their realms at once
        assertThat(router.realm("realm1").sessions()).isEmpty();
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
        assertThat(router.isClosed()).isTrue();

        first.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        second.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));

        shutdown.get(10, TimeUnit.SECONDS);
        for (TestPeer peer : List.of(first, second)) {
            assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
            assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
            peer.expectNothingMore();
        }
    }

    @Test
    void messagesOtherThanGoodbyeAreIgnoredWhileClosing() throws Exception {
        TestPeer peer = TestPeer.joined(router, "realm1");
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> router.shutdown(Duration.ofSeconds(30)));
        peer.next(Goodbye.class);

        peer.send(new Publish(1L, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
        peer.expectNothingMore();
        peer.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));

        shutdown.get(10, TimeUnit.SECONDS);
        assertThat(peer.transport.isClosed()).isTrue();
    }

    @Test
    void peersThatDoNotAnswerAreCutOffWhenTheTimeoutPasses() throws Exception {
        TestPeer silent = TestPeer.joined(router, "realm1");

        router.shutdown(Duration.ofMillis(200));

        assertThat(silent.next(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
        assertThat(silent.transport.isClosed()).as("cut off after the timeout").isTrue();
        assertThat(silent.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
    }

    @Test
    void aPeerThatConnectedBeforeShutdownCannotJoinAfterIt() {
        TestPeer connecting = new TestPeer(router);
        router.shutdown(Duration.ZERO);

        connecting.send(new io.wampspring.router.message.Hello("realm1", Map.of("roles", TestPeer.ROLES)));

        Abort abort = connecting.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
        assertThat(connecting.transport.isClosed()).isTrue();
        assertThat(router.realm("realm1").sessions()).isEmpty();
    }

    @Test
    void connectionsAfterShutdownAreAborted() {
        router.shutdown(Duration.ZERO);

        TestPeer late = new TestPeer(router);

        Abort abort = late.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN);
        assertThat(late.transport.closedWith.get()).isEqualTo(CloseReason.SHUTDOWN);
    }

    @Test
    void closeShutsDownOnce() {
        router.close();
        assertThat(router.isClosed()).isTrue();
        router.close();
        assertThat(router.isClosed()).isTrue();
    }

    @Test
    void aRouterNeedsDistinctValidRealms() {
        assertThatThrownBy(() -> new WampRouter(RouterConfig.defaults(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WampRouter(RouterConfig.defaults(),
                List.of(RealmConfig.anonymous("realm1"), RealmConfig.anonymous("realm1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("bad realm"))))
                .isInstanceOf(IllegalArgumentException.class);
        router.close();
    }
}
