package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events of one publisher reach each subscriber in publish order, across its exact and pattern subscriptions. */
class PubSubOrderTest extends PubSubRouterTest {

    private static final int EVENTS = 10_000;

    @Test
    void tenThousandEventsReachAnExactAndAPrefixSubscriptionOfOneSessionInOrder() {
        TestPeer subscriber = TestPeer.joined(router, REALM);
        long exact = subscriber.subscribe("com.shop.ticks");
        long prefix = subscribe(subscriber, "com.shop.", Map.of("match", "prefix"));
        BlockingQueue<Event> local = localSubscriber(identity("local", "service"), "com.shop.ticks", Map.of());
        TestPeer publisher = TestPeer.joined(router, REALM);

        for (long i = 0; i < EVENTS; i++) {
            publisher.send(new Publish(publisher.nextRequest(), Map.of(), "com.shop.ticks", Payload.ofArgs(i)));
        }
        publishAcknowledged(publisher, "com.shop.ticks", (long) EVENTS);

        // acknowledged: every event is in the subscriber's buffer
        List<Event> events = subscriber.received().stream().filter(Event.class::isInstance)
                .map(Event.class::cast).toList();
        assertThat(events).hasSize(2 * (EVENTS + 1));
        for (int i = 0; i <= EVENTS; i++) {
            // each publication reaches both subscriptions before the next one reaches either
            Event first = events.get(2 * i);
            Event second = events.get(2 * i + 1);
            assertThat(first.payload().args()).containsExactly((long) i);
            assertThat(second.payload().args()).containsExactly((long) i);
            assertThat(List.of(first.subscription(), second.subscription())).containsExactlyInAnyOrder(exact, prefix);
        }
        await().until(() -> local.size() == EVENTS + 1);
        long expected = 0;
        for (Event event : local) {
            assertThat(event.payload().args()).containsExactly(expected++);
        }
    }

}
