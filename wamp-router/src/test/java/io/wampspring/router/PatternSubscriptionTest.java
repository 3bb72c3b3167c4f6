package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Pattern-based subscriptions: every matching subscription gets the event once, pattern ones with the topic. */
class PatternSubscriptionTest extends PubSubRouterTest {

    private static long subscribe(TestPeer peer, String topic, String match) {
        return subscribe(peer, topic, Map.of("match", match));
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void exactPrefixAndWildcardSubscriptionsOfOneSessionEachGetTheEvent(WampSerializer serializer) {
        TestPeer subscriber = new TestPeer(router, serializer);
        subscriber.join("realm1");
        long exact = subscriber.subscribe("com.shop.sensor.7.temperature");
        long prefix = subscribe(subscriber, "com.shop.sensor.", "prefix");
        long wildcard = subscribe(subscriber, "com.shop.sensor..temperature", "wildcard");
        TestPeer publisher = TestPeer.joined(router, "realm1");

        publishAcknowledged(publisher, "com.shop.sensor.7.temperature", 21L);

        Map<Long, Map<String, Object>> detailsBySubscription = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            Event event = subscriber.next(Event.class);
            assertThat(event.payload().args()).containsExactly(21L);
            detailsBySubscription.put(event.subscription(), event.details());
        }
        assertThat(detailsBySubscription).containsOnlyKeys(exact, prefix, wildcard);
        assertThat(detailsBySubscription.get(exact)).isEmpty();
        assertThat(detailsBySubscription.get(prefix)).containsEntry("topic", "com.shop.sensor.7.temperature");
        assertThat(detailsBySubscription.get(wildcard)).containsEntry("topic", "com.shop.sensor.7.temperature");

        // a topic only the prefix matches
        publishAcknowledged(publisher, "com.shop.sensor.7.humidity", 40L);
        Event humidity = subscriber.next(Event.class);
        assertThat(humidity.subscription()).isEqualTo(prefix);
        assertThat(humidity.details()).containsEntry("topic", "com.shop.sensor.7.humidity");
        publishAcknowledged(publisher, "com.shop.other", 1L);
        subscriber.expectNothingMore();
    }

    @Test
    void theBrokerAnnouncesPatternSubscriptionsAndRefusesUnknownPolicies() {
        TestPeer peer = new TestPeer(router);
        Map<?, ?> roles = (Map<?, ?>) peer.join("realm1").details().get("roles");
        assertThat(((Map<?, ?>) ((Map<?, ?>) roles.get("broker")).get("features")).get("pattern_based_subscription"))
                .isEqualTo(true);

        long request = peer.nextRequest();
        peer.send(new Subscribe(request, Map.of("match", "regex"), "com.shop"));
        peer.nextError(MessageType.SUBSCRIBE, request, WampUris.INVALID_ARGUMENT);
        request = peer.nextRequest();
        peer.send(new Subscribe(request, Map.of(), "com..shop"));
        peer.nextError(MessageType.SUBSCRIBE, request, WampUris.INVALID_URI);
    }

    @Test
    void eventsOfOnePublisherReachAPatternSubscriberInOrder() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        subscribe(subscriber, "com.shop.ticks.", "prefix");
        TestPeer publisher = TestPeer.joined(router, "realm1");

        for (long i = 0; i < 1_000; i++) {
            publisher.send(new Publish(publisher.nextRequest(), Map.of(), "com.shop.ticks." + (i % 7), Payload.ofArgs(i)));
        }

        for (long i = 0; i < 1_000; i++) {
            Event event = subscriber.next(Event.class);
            assertThat(event.payload().args()).containsExactly(i);
            assertThat(event.details()).containsEntry("topic", "com.shop.ticks." + (i % 7));
        }
    }
}
