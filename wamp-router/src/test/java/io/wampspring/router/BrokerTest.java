package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerTest {

    private final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    @Test
    void subscribersGetEventsAndThePublisherIsExcludedByDefault() {
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = new TestPeer(router, Serializers.MSGPACK);
        second.join("realm1");
        long subscription = first.subscribe("com.example.topic");
        assertThat(second.subscribe("com.example.topic")).as("one subscription per topic").isEqualTo(subscription);
        TestPeer publisher = TestPeer.joined(router, "realm1");
        publisher.subscribe("com.example.topic");

        publisher.send(new Publish(1L, Map.of(), "com.example.topic",
                Payload.of(List.of("hello", 1L), Map.of("k", "v"))));

        for (TestPeer subscriber : List.of(first, second)) {
            Event event = subscriber.next(Event.class);
            assertThat(event.subscription()).isEqualTo(subscription);
            assertThat(event.publication()).isBetween(1L, 1L << 53);
            assertThat(event.payload().args()).containsExactly("hello", 1L);
            assertThat(event.payload().kwargs()).isEqualTo(Map.of("k", "v"));
            assertThat(event.details()).isEmpty();
            subscriber.expectNothingMore();
        }
        assertThat(first.received().get(first.receivedCount() - 1))
                .isEqualTo(second.received().get(second.receivedCount() - 1));
        // no event for the publisher, and no PUBLISHED without acknowledge
        publisher.expectNothingMore();
    }

    @Test
    void excludeMeFalseDeliversToThePublisherToo() {
        TestPeer publisher = TestPeer.joined(router, "realm1");
        long subscription = publisher.subscribe("com.example.topic");

        publisher.send(new Publish(1L, Map.of("exclude_me", false), "com.example.topic", Payload.ofArgs("mine")));

        Event event = publisher.next(Event.class);
        assertThat(event.subscription()).isEqualTo(subscription);
        assertThat(event.payload().args()).containsExactly("mine");
        publisher.expectNothingMore();
    }

    @Test
    void publishedIsSentOnlyWithAcknowledge() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        subscriber.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");

        publisher.send(new Publish(1L, Map.of(), "com.example.topic", Payload.EMPTY));
        publisher.send(new Publish(2L, Map.of("acknowledge", false), "com.example.topic", Payload.EMPTY));
        publisher.expectNothingMore();

        publisher.send(new Publish(3L, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
        Published published = publisher.next(Published.class);
        assertThat(published.request()).isEqualTo(3L);

        subscriber.next(Event.class);
        subscriber.next(Event.class);
        Event third = subscriber.next(Event.class);
        assertThat(third.publication()).isEqualTo(published.publication());
        assertThat(third.payload().args()).isNull();
        assertThat(third.payload().kwargs()).isNull();
        publisher.expectNothingMore();
    }

    @Test
    void publishingToATopicWithoutSubscribersIsAcknowledged() {
        TestPeer publisher = TestPeer.joined(router, "realm1");

        publisher.send(new Publish(1L, Map.of("acknowledge", true), "com.example.nobody", Payload.ofArgs(1L)));

        assertThat(publisher.next(Published.class).request()).isEqualTo(1L);
    }

    @Test
    void eventsArriveInPublishOrder() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        subscriber.subscribe("com.example.counter");
        TestPeer publisher = TestPeer.joined(router, "realm1");

        for (long i = 0; i < 500; i++) {
            publisher.send(new Publish(i + 1, Map.of(), "com.example.counter", Payload.ofArgs(i)));
        }

        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add(subscriber.next(Event.class).payload().args().get(0));
        }
        assertThat(values).isEqualTo(java.util.stream.LongStream.range(0, 500).boxed().toList());
    }

    @Test
    void publicationIdsDiffer() {
        TestPeer publisher = TestPeer.joined(router, "realm1");
        List<Long> publications = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            publisher.send(new Publish(i, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
            publications.add(publisher.next(Published.class).publication());
        }
        assertThat(publications).doesNotHaveDuplicates();
    }

    @Test
    void unsubscribeStopsEventsAndTheLastSubscriberEndsTheSubscription() {
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        long subscription = first.subscribe("com.example.topic");
        second.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");

        first.send(new Unsubscribe(5L, subscription));
        Unsubscribed unsubscribed = first.next(Unsubscribed.class);
        assertThat(unsubscribed.request()).isEqualTo(5L);
        assertThat(router.realm("realm1").broker().subscription(subscription).subscriberCount()).isEqualTo(1);

        publisher.send(new Publish(1L, Map.of(), "com.example.topic", Payload.ofArgs("after")));
        first.expectNothingMore();
        assertThat(second.next(Event.class).payload().args()).containsExactly("after");

        second.send(new Unsubscribe(6L, subscription));
        second.next(Unsubscribed.class);
        assertThat(router.realm("realm1").broker().subscription(subscription)).isNull();
        assertThat(router.realm("realm1").broker().subscriptions()).isEmpty();
    }

    @Test
    void unsubscribingAnUnknownOrForeignSubscriptionGivesNoSuchSubscription() {
        TestPeer owner = TestPeer.joined(router, "realm1");
        long subscription = owner.subscribe("com.example.topic");
        TestPeer other = TestPeer.joined(router, "realm1");

        other.send(new Unsubscribe(1L, subscription));
        other.nextError(MessageType.UNSUBSCRIBE, 1L, WampUris.NO_SUCH_SUBSCRIPTION);
        other.send(new Unsubscribe(2L, 987654321L));
        other.nextError(MessageType.UNSUBSCRIBE, 2L, WampUris.NO_SUCH_SUBSCRIPTION);
        owner.send(new Unsubscribe(3L, subscription));
        owner.next(Unsubscribed.class);
        owner.send(new Unsubscribe(4L, subscription));
        owner.nextError(MessageType.UNSUBSCRIBE, 4L, WampUris.NO_SUCH_SUBSCRIPTION);
    }

    @Test
    void subscribingTwiceToATopicGivesTheSameSubscriptionAndOneEvent() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long first = subscriber.subscribe("com.example.topic");
        long second = subscriber.subscribe("com.example.topic");
        assertThat(second).isEqualTo(first);
        TestPeer publisher = TestPeer.joined(router, "realm1");

        publisher.send(new Publish(1L, Map.of(), "com.example.topic", Payload.EMPTY));

        subscriber.next(Event.class);
        subscriber.expectNothingMore();
    }

    @Test
    void aSubscriberThatDisconnectsStopsReceiving() {
        TestPeer leaving = TestPeer.joined(router, "realm1");
        TestPeer staying = TestPeer.joined(router, "realm1");
        long subscription = leaving.subscribe("com.example.topic");
        staying.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        publisher.send(new Publish(1L, Map.of(), "com.example.topic", Payload.ofArgs("before")));
        leaving.next(Event.class);
        staying.next(Event.class);

        leaving.disconnect();
        publisher.send(new Publish(2L, Map.of("acknowledge", true), "com.example.topic", Payload.ofArgs("after")));

        leaving.expectNothingMore();
        assertThat(staying.next(Event.class).payload().args()).containsExactly("after");
        assertThat(publisher.next(Published.class).request()).isEqualTo(2L);
        assertThat(router.realm("realm1").broker().subscription(subscription).subscriberCount()).isEqualTo(1);

        staying.disconnect();
        assertThat(router.realm("realm1").broker().subscriptions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com..topic", "com.to pic", "com#topic", "", "com.topic."})
    void invalidTopicUrisAreRefused(String uri) {
        TestPeer peer = TestPeer.joined(router, "realm1");

        peer.send(new Subscribe(1L, Map.of(), uri));
        peer.nextError(MessageType.SUBSCRIBE, 1L, WampUris.INVALID_URI);
        peer.send(new Publish(2L, Map.of("acknowledge", true), uri, Payload.EMPTY));
        peer.nextError(MessageType.PUBLISH, 2L, WampUris.INVALID_URI);
        // without acknowledge an invalid publication is dropped silently
        peer.send(new Publish(3L, Map.of(), uri, Payload.EMPTY));
        peer.expectNothingMore();
        assertThat(peer.transport.isClosed()).isFalse();
    }

    @Test
    void strictUriCheckAppliesToTopics() {
        WampRouter strict = new WampRouter(new RouterConfig(UriCheck.STRICT, RouterConfig.DEFAULT_SEND_BUFFER_BYTES,
                SlowConsumerPolicy.DISCONNECT, Duration.ofSeconds(5)), List.of(RealmConfig.anonymous("realm1")));
        try {
            TestPeer strictPeer = TestPeer.joined(strict, "realm1");
            strictPeer.send(new Subscribe(1L, Map.of(), "com.Example.Topic"));
            strictPeer.nextError(MessageType.SUBSCRIBE, 1L, WampUris.INVALID_URI);
            strictPeer.send(new Publish(2L, Map.of("acknowledge", true), "com.example-x.topic", Payload.EMPTY));
            strictPeer.nextError(MessageType.PUBLISH, 2L, WampUris.INVALID_URI);
            strictPeer.subscribe("com.example.topic_1");

            TestPeer loosePeer = TestPeer.joined(router, "realm1");
            loosePeer.subscribe("com.Example.Topic");
            loosePeer.send(new Publish(2L, Map.of("acknowledge", true), "com.example-x.topic", Payload.EMPTY));
            assertThat(loosePeer.next(Published.class).request()).isEqualTo(2L);
        }
        finally {
            strict.shutdown(Duration.ZERO);
        }
    }

    @Test
    void theReservedWampPrefixCannotBePublishedTo() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        // subscribing to router topics (meta events) is allowed
        subscriber.subscribe("wamp.session.on_join");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        // the router's own event about the publisher arrives; nothing the publisher fakes does
        assertThat(subscriber.next(Event.class).payload().args().get(0)).isInstanceOfSatisfying(Map.class,
                details -> assertThat(details).containsEntry("session", publisher.sessionId));

        publisher.send(new Publish(1L, Map.of("acknowledge", true), "wamp.session.on_join", Payload.ofArgs("fake")));
        ErrorMessage error = publisher.nextError(MessageType.PUBLISH, 1L, WampUris.INVALID_URI);
        assertThat(error.payload().args()).hasSize(1);
        publisher.send(new Publish(2L, Map.of(), "wamp.session.on_join", Payload.ofArgs("fake")));

        subscriber.expectNothingMore();
        publisher.expectNothingMore();
    }

    @Test
    void unknownSubscriptionMatchPoliciesAreRefused() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.send(new Subscribe(1L, Map.of("match", "regex"), "com.example"));
        peer.nextError(MessageType.SUBSCRIBE, 1L, WampUris.INVALID_ARGUMENT);
        peer.send(new Subscribe(2L, Map.of("match", "exact"), "com.example"));
        assertThat(peer.next(Subscribed.class).request()).isEqualTo(2L);
    }

    @Test
    void subscribedAlwaysArrivesBeforeTheFirstEventEvenWhilePublicationsRace() throws Exception {
        TestPeer publisher = TestPeer.joined(router, "realm1");
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread hammer = new Thread(() -> {
            long request = 1;
            while (publishing.get()) {
                publisher.send(new Publish(request++, Map.of(), "com.example.busy",
                        Payload.EMPTY));
            }
        });
        hammer.start();
        try {
            for (int i = 0; i < 200; i++) {
                TestPeer subscriber = TestPeer.joined(router, "realm1");
                subscriber.send(new Subscribe(1L, Map.of(), "com.example.busy"));
                TestPeer.awaitFast(() -> subscriber.receivedCount() >= 2);
                // received().get(0) is WELCOME
                assertThat(subscriber.received().get(1))
                        .isInstanceOf(Subscribed.class);
                subscriber.disconnect();
            }
        }
        finally {
            publishing.set(false);
            hammer.join();
        }
    }

    @Test
    void noEventFollowsUnsubscribedEvenWhilePublicationsRace() throws Exception {
        TestPeer publisher = TestPeer.joined(router, "realm1");
        TestPeer witness = TestPeer.joined(router, "realm1");
        witness.subscribe("com.example.busy");
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread hammer = new Thread(() -> {
            long request = 1;
            while (publishing.get()) {
                publisher.send(new Publish(request++, Map.of(), "com.example.busy", Payload.EMPTY));
            }
        });
        hammer.start();
        try {
            for (int i = 0; i < 200; i++) {
                TestPeer subscriber = TestPeer.joined(router, "realm1");
                long subscription = subscriber.subscribe("com.example.busy");
                TestPeer.awaitFast(() -> subscriber.received().stream().anyMatch(Event.class::isInstance));
                subscriber.send(new Unsubscribe(2L, subscription));
                TestPeer.awaitFast(() -> subscriber.received().stream().anyMatch(Unsubscribed.class::isInstance));
                // the publisher routes one publication at a time: once the witness has seen later ones, anything
                // routed from an older snapshot has reached the subscriber's transport too
                int seen = witness.receivedCount();
                TestPeer.awaitFast(() -> witness.receivedCount() >= seen + 3);
                List<io.wampspring.router.message.WampMessage> received = subscriber.received();
                int unsubscribed = received.indexOf(received.stream().filter(Unsubscribed.class::isInstance)
                        .findFirst().orElseThrow());
                assertThat(received.subList(unsubscribed + 1, received.size())).as("after UNSUBSCRIBED").isEmpty();
                subscriber.disconnect();
            }
        }
        finally {
            publishing.set(false);
            hammer.join();
        }
    }
}
