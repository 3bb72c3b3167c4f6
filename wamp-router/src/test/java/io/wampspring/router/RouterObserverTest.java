package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RouterObserver.CallOutcome;
import io.wampspring.router.RouterObserver.DropReason;
import io.wampspring.router.RouterObserver.SlowConsumerAction;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Yield;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The router tells its {@link RouterObserver} of sessions' messages, calls, events, drops and failures. */
class RouterObserverTest {

    private final Recording observer = new Recording();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private WampRouter router;

    @AfterEach
    void shutdown() throws InterruptedException {
        if (router != null) {
            router.shutdown(Duration.ZERO);
        }
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private WampRouter router(SlowConsumerPolicy policy, long sendBuffer) {
        router = new WampRouter(new RouterConfig(UriCheck.LOOSE, sendBuffer, policy, Duration.ofSeconds(5)),
                List.of(RealmConfig.anonymous("realm1")), RouterExecutors.owned(), observer);
        return router;
    }

    private WampRouter router() {
        return router(SlowConsumerPolicy.DISCONNECT, RouterConfig.DEFAULT_SEND_BUFFER_BYTES);
    }

    @Test
    void messagesAreCountedByTypeWithTheRealmOnceTheSessionNamedIt() {
        router();
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.subscribe("com.example.topic");

        assertThat(observer.messages).containsSubsequence(
                "in null test json HELLO",
                "out realm1 test json WELCOME",
                "in realm1 test json SUBSCRIBE",
                "out realm1 test json SUBSCRIBED");
        // the router's own service sessions (meta API) are not counted
        assertThat(observer.messages).allSatisfy(message -> assertThat(message).contains(" test json "));
    }

    @Test
    void eachCallEndsOnceWithItsOutcomeErrorUriAndDuration() {
        router();
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.ok");
        callee.register("com.example.fails");
        TestPeer caller = TestPeer.joined(router, "realm1");

        caller.send(new Call(1, Map.of(), "com.example.ok", Payload.ofArgs(1)));
        callee.send(new Yield(callee.next(Invocation.class).request(), Map.of(), Payload.ofArgs(2)));
        caller.next(Result.class);
        caller.send(new Call(2, Map.of(), "com.example.fails", Payload.ofArgs(1)));
        callee.send(new ErrorMessage(MessageType.INVOCATION, callee.next(Invocation.class).request(), Map.of(),
                "com.example.error.out_of_stock", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 2, "com.example.error.out_of_stock");
        caller.send(new Call(3, Map.of(), "com.example.missing", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 3, WampUris.NO_SUCH_PROCEDURE);
        // a caller that leaves before its answer: nobody is answered
        caller.send(new Call(4, Map.of(), "com.example.ok", Payload.EMPTY));
        callee.next(Invocation.class);
        caller.disconnect();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(observer.calls).hasSize(4));
        assertThat(observer.calls).containsExactly(
                "realm1 SUCCESS null",
                "realm1 ERROR com.example.error.out_of_stock",
                "realm1 ERROR wamp.error.no_such_procedure",
                "realm1 ABANDONED null");
        assertThat(observer.durations).hasSize(4).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
    }

    @Test
    void aPublicationIsCountedOnceAndItsEventsOncePerSubscriber() {
        router();
        TestPeer first = TestPeer.joined(router, "realm1");
        first.subscribe("com.example.topic");
        TestPeer second = TestPeer.joined(router, "realm1");
        second.subscribe("com.example", Map.of("match", "prefix"));
        second.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        // the meta API's events of these joins and subscriptions are the router's own: not counted
        assertThat(observer.published).isEmpty();
        TestPeer meta = TestPeer.joined(router, "realm1");
        meta.subscribe("wamp.subscription.on_subscribe");
        TestPeer.joined(router, "realm1").subscribe("com.example.other");
        await().atMost(Duration.ofSeconds(10)).until(() -> meta.received().stream()
                .anyMatch(message -> message.type() == MessageType.EVENT));
        assertThat(observer.published).isEmpty();
        assertThat(observer.delivered).isEmpty();

        publisher.send(new Publish(1, Map.of("acknowledge", true), "com.example.topic", Payload.ofArgs(1)));
        publisher.next(Published.class);
        publisher.send(new Publish(2, Map.of("acknowledge", true), "com.example.nobody", Payload.ofArgs(1)));
        publisher.next(Published.class);

        assertThat(observer.published).containsExactly("realm1", "realm1");
        // one EVENT per matching subscription of each subscriber: two exact, one prefix; none for the second topic
        // but its prefix subscriber
        assertThat(observer.delivered).containsExactly("realm1 3", "realm1 1");
    }

    /** A subscriber that stops reading, with a send buffer of 1 KiB, and 20 events of some 200 bytes for it. */
    private TestPeer floodAStalledSubscriber(SlowConsumerPolicy policy) {
        router(policy, 1024);
        TestPeer slow = TestPeer.joined(router, "realm1");
        slow.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        slow.transport.stall();
        for (long i = 1; i <= 20; i++) {
            publisher.send(new Publish(i, Map.of("acknowledge", true), "com.example.topic",
                    Payload.ofArgs(i, "x".repeat(200))));
            publisher.next(Published.class);
        }
        return slow;
    }

    @Test
    void eventsDroppedForAFullSendBufferAndTheSlowConsumerActionAreObserved() {
        TestPeer slow = floodAStalledSubscriber(SlowConsumerPolicy.DROP_EVENTS);

        assertThat(router.stats().droppedEvents()).isPositive();
        assertThat(observer.dropped).hasSize((int) router.stats().droppedEvents())
                .containsOnly("realm1 SEND_BUFFER");
        assertThat(observer.slowConsumers).containsExactly("realm1 DROP_EVENTS test json");
        slow.transport.resume();
    }

    @Test
    void aDisconnectedSlowConsumerIsObserved() {
        floodAStalledSubscriber(SlowConsumerPolicy.DISCONNECT);

        assertThat(observer.slowConsumers).containsExactly("realm1 DISCONNECT test json");
        assertThat(observer.dropped).isEmpty();
    }

    @Test
    void anInProcessHandlerTooFarBehindDropsEventsForItsBacklog() throws Exception {
        router();
        CountDownLatch release = new CountDownLatch(1);
        LocalSession local = new LocalSession(router, "realm1", new AuthIdentity("app", "trusted", "local", "app"),
                executor, 1);
        local.subscribe("com.example.topic", Map.of(), event -> release.await()).get(10, TimeUnit.SECONDS);
        TestPeer publisher = TestPeer.joined(router, "realm1");

        for (long i = 1; i <= 5; i++) {
            publisher.send(new Publish(i, Map.of("acknowledge", true), "com.example.topic", Payload.ofArgs(i)));
            publisher.next(Published.class);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(observer.dropped).hasSize((int) local.droppedEvents()));
        assertThat(local.droppedEvents()).isPositive();
        assertThat(observer.dropped).containsOnly("realm1 BACKLOG");
        release.countDown();
    }

    @Test
    void protocolViolationsAndAuthenticationFailuresAreObserved() {
        router();
        TestPeer violator = TestPeer.joined(router, "realm1");
        violator.send(new Hello("realm1", Map.of()));
        TestPeer early = new TestPeer(router);
        early.send(new Publish(1, Map.of(), "com.example.topic", Payload.EMPTY));
        TestPeer ticket = new TestPeer(router);
        ticket.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("ticket"))));
        ticket.next(Abort.class);

        assertThat(observer.violations).containsExactly("realm1 test json", "null test json");
        assertThat(observer.authFailures).containsExactly("realm1 null wamp.error.no_matching_auth_method");
    }

    /** Records what it hears, as strings. */
    static final class Recording implements RouterObserver {

        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Long> durations = new CopyOnWriteArrayList<>();
        final List<String> published = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> dropped = new CopyOnWriteArrayList<>();
        final List<String> slowConsumers = new CopyOnWriteArrayList<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final List<String> authFailures = new CopyOnWriteArrayList<>();

        @Override
        public MessageObserver messages(@Nullable String realm, String transport, String serializer) {
            String tags = realm + " " + transport + " " + serializer + " ";
            return new MessageObserver() {
                @Override
                public void received(MessageType type) {
                    messages.add("in " + tags + type);
                }

                @Override
                public void sent(MessageType type) {
                    messages.add("out " + tags + type);
                }
            };
        }

        @Override
        public void callEnded(String realm, CallOutcome outcome, @Nullable String error, long durationNanos) {
            calls.add(realm + " " + outcome + " " + error);
            durations.add(durationNanos);
        }

        @Override
        public void eventPublished(String realm) {
            published.add(realm);
        }

        @Override
        public void eventsDelivered(String realm, int count) {
            delivered.add(realm + " " + count);
        }

        @Override
        public void eventDropped(@Nullable String realm, DropReason reason) {
            dropped.add(realm + " " + reason);
        }

        @Override
        public void slowConsumer(@Nullable String realm, SlowConsumerAction action, String transport,
                String serializer) {
            slowConsumers.add(realm + " " + action + " " + transport + " " + serializer);
        }

        @Override
        public void protocolViolation(@Nullable String realm, String transport, String serializer) {
            violations.add(realm + " " + transport + " " + serializer);
        }

        @Override
        public void authenticationFailed(String realm, @Nullable String authMethod, String error) {
            authFailures.add(realm + " " + authMethod + " " + error);
        }
    }
}
