package io.wampspring.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Event retention: retain on PUBLISH, get_retained on SUBSCRIBE, delivered right after SUBSCRIBED. */
class EventRetentionTest extends PubSubRouterTest {

    private static final Map<String, Object> RETAIN = Map.of("retain", true);
    private static final Map<String, Object> GET_RETAINED = Map.of("get_retained", true);

    @ParameterizedTest
    @MethodSource("serializers")
    void theLastRetainedEventFollowsSubscribedMarkedRetained(WampSerializer serializer) {
        TestPeer publisher = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        publishAcknowledged(publisher, "com.dc.temperature", RETAIN, 20L);
        long retained = publishAcknowledged(publisher, "com.dc.temperature", RETAIN, 21L);
        // not retained: does not replace the retained one
        publishAcknowledged(publisher, "com.dc.temperature", 22L);

        TestPeer subscriber = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        long request = subscriber.nextRequest();
        subscriber.send(new Subscribe(request, GET_RETAINED, "com.dc.temperature"));
        long subscription = subscriber.next(Subscribed.class).subscription();
        Event event = subscriber.next(Event.class);

        assertThat(event.subscription()).isEqualTo(subscription);
        assertThat(event.publication()).isEqualTo(retained);
        assertThat(event.payload().args()).containsExactly(21L);
        assertThat(event.details()).isEqualTo(Map.of("retained", true));
        subscriber.roundTrip();
        subscriber.expectNothingMore();
    }

    @Test
    void withoutGetRetainedNothingIsReplayed() {
        TestPeer publisher = TestPeer.joined(router, REALM);
        publishAcknowledged(publisher, "com.dc.temperature", RETAIN, 20L);
        TestPeer subscriber = TestPeer.joined(router, REALM);

        subscribe(subscriber, "com.dc.temperature", Map.of("get_retained", false));
        subscriber.roundTrip();
        subscriber.expectNothingMore();
    }

    @Test
    void aPatternSubscriptionGetsTheRetainedEventOfEveryMatchingTopic() {
        TestPeer publisher = TestPeer.joined(router, REALM);
        publishAcknowledged(publisher, "com.dc.rack1.temperature", RETAIN, 20L);
        publishAcknowledged(publisher, "com.dc.rack2.temperature", Map.of("retain", true, "disclose_me", true), 25L);
        publishAcknowledged(publisher, "com.dc.rack2.humidity", RETAIN, 40L);
        publishAcknowledged(publisher, "com.other.temperature", RETAIN, 1L);

        TestPeer subscriber = TestPeer.joined(router, REALM);
        long wildcard = subscribe(subscriber, "com.dc..temperature", Map.of("match", "wildcard", "get_retained", true));
        Map<Object, Map<String, Object>> byTopic = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Event event = subscriber.next(Event.class);
            assertThat(event.subscription()).isEqualTo(wildcard);
            byTopic.put(event.details().get("topic"), event.details());
        }
        assertThat(byTopic).containsOnlyKeys("com.dc.rack1.temperature", "com.dc.rack2.temperature");
        assertThat(byTopic.get("com.dc.rack1.temperature")).containsEntry("retained", true);
        assertThat(byTopic.get("com.dc.rack2.temperature")).containsEntry("retained", true)
                .containsEntry("publisher", publisher.sessionId);
        subscriber.roundTrip();
        subscriber.expectNothingMore();
    }

    @Test
    void aRetainedEventReachesOnlySubscribersThatCouldHaveReceivedIt() {
        TestPeer publisher = TestPeer.joined(router, REALM);
        publishAcknowledged(publisher, "com.hr.salary", Map.of("retain", true,
                "eligible_authrole", List.of("manager")), 100L);

        BlockingQueue<Event> manager = localSubscriber(identity("alice", "manager"), "com.hr.salary", GET_RETAINED);
        BlockingQueue<Event> staff = localSubscriber(identity("bob", "staff"), "com.hr.salary", GET_RETAINED);
        // the publisher itself was excluded (exclude_me defaults to true)
        subscribe(publisher, "com.hr.salary", GET_RETAINED);
        publisher.roundTrip();

        assertThat(manager).hasSize(1);
        assertThat(manager.peek().details()).containsEntry("retained", true);
        assertThat(staff).isEmpty();
        publisher.expectNothingMore();
    }

    @Test
    void aSubscriberRacingARetainingPublisherSeesTheRetainedEventFirstAndEachLaterOneOnce() throws Exception {
        TestPeer publisher = TestPeer.joined(router, REALM);
        publishAcknowledged(publisher, "com.ticks", RETAIN, 0L);
        AtomicBoolean publishing = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Long> published = CompletableFuture.supplyAsync(() -> {
            long value = 0;
            while (publishing.get() && value < 20_000) {
                value++;
                publisher.send(new Publish(publisher.nextRequest(), RETAIN, "com.ticks", Payload.ofArgs(value)));
                if (value == 100) {
                    started.countDown();
                }
            }
            return value;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        List<TestPeer> subscribers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestPeer subscriber = TestPeer.joined(router, REALM);
            subscriber.send(new Subscribe(subscriber.nextRequest(), GET_RETAINED, "com.ticks"));
            subscribers.add(subscriber);
        }
        publishing.set(false);
        long last = published.get();
        assertThat(last).isPositive();

        for (TestPeer subscriber : subscribers) {
            // the publisher's thread has routed every publication, and each subscriber's SUBSCRIBE was handled
            List<WampMessage> received = subscriber.received();
            assertThat(received.get(1)).isInstanceOf(Subscribed.class);
            Event first = (Event) received.get(2);
            assertThat(first.details()).containsEntry("retained", true);
            long previous = (Long) first.payload().args().get(0);
            for (WampMessage message : received.subList(3, received.size())) {
                if (message instanceof Event event) {
                    long value = (Long) event.payload().args().get(0);
                    assertThat(value).as("live events after retained %d", previous).isEqualTo(previous + 1);
                    assertThat(event.details()).doesNotContainKey("retained");
                    previous = value;
                }
            }
            assertThat(previous).isEqualTo(last);
        }
    }

    @Test
    void getRetainedOfTheWrongTypeIsRefused() {
        TestPeer subscriber = TestPeer.joined(router, REALM);
        long request = subscriber.nextRequest();
        subscriber.send(new Subscribe(request, Map.of("get_retained", "yes"), "com.ticks"));
        subscriber.nextError(MessageType.SUBSCRIBE, request, WampUris.INVALID_ARGUMENT);
    }

    @Test
    void theBrokerAnnouncesEventRetention() {
        assertThat(brokerFeatures()).containsEntry("event_retention", true);
    }
}
