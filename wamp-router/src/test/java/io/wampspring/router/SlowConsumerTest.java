package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlowConsumerTest {

    private static final long BUFFER = 1024;
    private static final String PADDING = "x".repeat(200);

    private WampRouter router;

    @AfterEach
    void shutdown() {
        if (router != null) {
            router.shutdown(Duration.ZERO);
        }
    }

    private WampRouter router(SlowConsumerPolicy policy) {
        router = new WampRouter(new RouterConfig(UriCheck.LOOSE, BUFFER, policy, Duration.ofSeconds(5)),
                List.of(RealmConfig.anonymous("realm1")));
        return router;
    }

    @Test
    void aSubscriberThatStopsReadingIsDisconnectedUnderDisconnect() {
        router(SlowConsumerPolicy.DISCONNECT);
        TestPeer slow = TestPeer.joined(router, "realm1");
        slow.subscribe("com.example.topic");
        slow.register("com.example.proc");
        TestPeer healthy = TestPeer.joined(router, "realm1");
        healthy.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        slow.transport.stall();

        List<Long> published = new ArrayList<>();
        for (long i = 1; i <= 20; i++) {
            publisher.send(new Publish(i, Map.of("acknowledge", true), "com.example.topic", Payload.ofArgs(i, PADDING)));
            published.add(publisher.next(Published.class).publication());
        }

        assertThat(slow.transport.closedWith.get()).isEqualTo(CloseReason.SLOW_CONSUMER);
        assertThat(slow.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        assertThat(router.stats().slowConsumerDisconnects()).isEqualTo(1);
        assertThat(router.stats().droppedEvents()).isZero();
        assertThat(router.realm("realm1").sessions()).extracting(RouterSession::sessionId)
                .containsExactlyInAnyOrder(healthy.sessionId, publisher.sessionId);
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
        assertThat(router.realm("realm1").broker().subscriptions()).singleElement()
                .satisfies(subscription -> assertThat(subscription.subscriberCount()).isEqualTo(1));
        // far fewer frames reached the stalled transport than were published
        int framesToSlow = slow.receivedCount();
        assertThat(framesToSlow).isLessThan(2 + 2 + 20);

        // the others were not held back by the slow one
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seen.add(healthy.next(Event.class).publication());
        }
        assertThat(seen).isEqualTo(published);
        assertThat(healthy.transport.isClosed()).isFalse();

        publisher.send(new Publish(99L, Map.of(), "com.example.topic", Payload.ofArgs("later")));
        assertThat(slow.receivedCount()).isEqualTo(framesToSlow);
        assertThat(healthy.next(Event.class).payload().args()).containsExactly("later");
    }

    @Test
    void underDropEventsASlowSubscriberOnlyLosesEvents() {
        router(SlowConsumerPolicy.DROP_EVENTS);
        TestPeer slow = TestPeer.joined(router, "realm1");
        slow.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        int framesBefore = slow.receivedCount();
        slow.transport.stall();

        List<Long> published = new ArrayList<>();
        for (long i = 1; i <= 30; i++) {
            publisher.send(new Publish(i, Map.of("acknowledge", true), "com.example.topic", Payload.ofArgs(i, PADDING)));
            published.add(publisher.next(Published.class).publication());
        }

        assertThat(slow.transport.isClosed()).isFalse();
        assertThat(slow.connection.session().state()).isEqualTo(RouterSession.State.ESTABLISHED);
        assertThat(router.stats().slowConsumerDisconnects()).isZero();
        long dropped = router.stats().droppedEvents();
        assertThat(dropped).isPositive().isLessThan(30);
        assertThat(slow.connection.queuedBytes()).isPositive().isLessThanOrEqualTo(BUFFER);

        slow.transport.resume();

        List<WampMessage> afterStall = slow.received().subList(framesBefore, slow.receivedCount());
        assertThat(afterStall).hasSize((int) (30 - dropped)).allSatisfy(m -> assertThat(m).isInstanceOf(Event.class));
        List<Long> delivered = afterStall.stream().map(m -> ((Event) m).publication()).toList();
        // what was delivered came in publish order, the first ones, with the rest dropped
        assertThat(delivered).isEqualTo(published.subList(0, delivered.size()));

        // once it reads again, it gets events again
        publisher.send(new Publish(100L, Map.of("acknowledge", true), "com.example.topic", Payload.ofArgs("again")));
        long again = publisher.next(Published.class).publication();
        WampMessage last = slow.received().get(slow.receivedCount() - 1);
        assertThat(last).isInstanceOfSatisfying(Event.class, event -> {
            assertThat(event.publication()).isEqualTo(again);
            assertThat(event.payload().args()).containsExactly("again");
        });
        assertThat(router.stats().droppedEvents()).isEqualTo(dropped);
    }

    @Test
    void underDropEventsAnInvocationThatDoesNotFitStillDisconnects() {
        router(SlowConsumerPolicy.DROP_EVENTS);
        TestPeer slow = TestPeer.joined(router, "realm1");
        slow.subscribe("com.example.topic");
        slow.register("com.example.proc");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        slow.transport.stall();
        for (long i = 1; i <= 30; i++) {
            publisher.send(new Publish(i, Map.of(), "com.example.topic", Payload.ofArgs(i, PADDING)));
        }
        assertThat(router.stats().droppedEvents()).isPositive();
        assertThat(slow.transport.isClosed()).isFalse();

        publisher.send(new Call(7L, Map.of(), "com.example.proc", Payload.ofArgs(PADDING)));

        assertThat(slow.transport.closedWith.get()).isEqualTo(CloseReason.SLOW_CONSUMER);
        assertThat(router.stats().slowConsumerDisconnects()).isEqualTo(1);
        // the call that could not be delivered does not hang
        ErrorMessage error = publisher.next(ErrorMessage.class);
        assertThat(error.requestType()).isEqualTo(MessageType.CALL);
        assertThat(error.request()).isEqualTo(7L);
        assertThat(error.error()).isEqualTo(WampUris.CANCELED);
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
    }

    @Test
    void aSlowCallerIsDisconnectedWhenItsResultDoesNotFit() {
        router(SlowConsumerPolicy.DISCONNECT);
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.proc");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.transport.stall();
        List<Long> invocations = new ArrayList<>();
        for (long i = 1; i <= 20; i++) {
            caller.send(new Call(i, Map.of(), "com.example.proc", Payload.EMPTY));
            invocations.add(callee.next(io.wampspring.router.message.Invocation.class).request());
        }

        for (long invocation : invocations) {
            callee.send(new io.wampspring.router.message.Yield(invocation, Map.of(), Payload.ofArgs(PADDING)));
        }

        assertThat(caller.transport.closedWith.get()).isEqualTo(CloseReason.SLOW_CONSUMER);
        assertThat(router.stats().slowConsumerDisconnects()).isEqualTo(1);
        assertThat(callee.transport.isClosed()).isFalse();
        assertThat(router.realm("realm1").sessions()).extracting(RouterSession::sessionId)
                .containsExactly(callee.sessionId);
    }
}
