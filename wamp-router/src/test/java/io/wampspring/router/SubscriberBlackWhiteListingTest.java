package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriber black- and whitelisting: eligible lists intersect, exclude lists remove, exclusion wins; unknown ids
 * change nothing; a list of the wrong type is refused.
 */
class SubscriberBlackWhiteListingTest extends PubSubRouterTest {

    private static final String TOPIC = "com.shop.customer.7";

    @ParameterizedTest
    @MethodSource("serializers")
    void sessionListsFollowTheSpecsExample(WampSerializer serializer) {
        TestPeer first = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        TestPeer second = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        TestPeer third = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        TestPeer fourth = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        for (TestPeer subscriber : List.of(first, second, third, fourth)) {
            subscriber.subscribe(TOPIC);
        }
        TestPeer publisher = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);

        // eligible [1, 2, 3] and exclude [1]: 2 and 3 only; an id nobody has is harmless
        publishAcknowledged(publisher, TOPIC, Map.of(
                "eligible", List.of(first.sessionId, second.sessionId, third.sessionId, 42L),
                "exclude", List.of(first.sessionId, 43L)), 1L);
        // exclude alone
        publishAcknowledged(publisher, TOPIC, Map.of("exclude", List.of(second.sessionId)), 2L);
        // an empty eligible list reaches nobody
        publishAcknowledged(publisher, TOPIC, Map.of("eligible", List.of()), 3L);

        assertThat(values(first)).containsExactly(2L);
        assertThat(values(second)).containsExactly(1L);
        assertThat(values(third)).containsExactly(1L, 2L);
        assertThat(values(fourth)).containsExactly(2L);
    }

    /**
     * wampy's MessagePack and CBOR encoders send session ids beyond 2^32 as floats: an integral float up to 2^53 is
     * that session id; any other float is refused.
     */
    @ParameterizedTest
    @MethodSource("serializers")
    void sessionIdsSentAsIntegralFloatsAreSessionIds(WampSerializer serializer) {
        TestPeer first = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        TestPeer second = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        first.subscribe(TOPIC);
        second.subscribe(TOPIC);
        TestPeer publisher = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);

        publishAcknowledged(publisher, TOPIC, Map.of("eligible", List.of((double) first.sessionId)), 1L);
        publishAcknowledged(publisher, TOPIC, Map.of("exclude", List.of((double) first.sessionId)), 2L);
        long request = publisher.nextRequest();
        publisher.send(new Publish(request, Map.of("acknowledge", true, "eligible", List.of(1.5)),
                TOPIC, Payload.ofArgs(3L)));
        publisher.nextError(MessageType.PUBLISH, request, WampUris.INVALID_ARGUMENT);

        assertThat(values(first)).containsExactly(1L);
        assertThat(values(second)).containsExactly(2L);
    }

    @Test
    void authidAndAuthroleListsCombineAsTheSpecSays() {
        BlockingQueue<Event> aliceManager = localSubscriber(identity("alice", "manager"), TOPIC, Map.of());
        BlockingQueue<Event> bobManager = localSubscriber(identity("bob", "manager"), TOPIC, Map.of());
        BlockingQueue<Event> carolStaff = localSubscriber(identity("carol", "staff"), TOPIC, Map.of());
        TestPeer publisher = TestPeer.joined(router, REALM);

        publishAcknowledged(publisher, TOPIC, Map.of("eligible_authrole", List.of("manager")), 1L);
        publishAcknowledged(publisher, TOPIC, Map.of("eligible_authrole", List.of("manager"),
                "exclude_authid", List.of("bob")), 2L);
        publishAcknowledged(publisher, TOPIC, Map.of("exclude_authrole", List.of("manager")), 3L);
        publishAcknowledged(publisher, TOPIC, Map.of("eligible_authid", List.of("carol", "nobody"),
                "eligible_authrole", List.of("staff", "manager")), 4L);
        // exclusion wins over eligibility
        publishAcknowledged(publisher, TOPIC, Map.of("eligible_authid", List.of("alice"),
                "exclude_authrole", List.of("manager")), 5L);
        publishAcknowledged(publisher, TOPIC, 6L);

        assertThat(values(aliceManager, 3)).containsExactly(1L, 2L, 6L);
        assertThat(values(bobManager, 2)).containsExactly(1L, 6L);
        assertThat(values(carolStaff, 3)).containsExactly(3L, 4L, 6L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exclude", "eligible", "exclude_authid", "eligible_authid", "exclude_authrole",
            "eligible_authrole"})
    void aListOfTheWrongTypeIsRefusedAndNothingIsDelivered(String option) {
        TestPeer subscriber = TestPeer.joined(router, REALM);
        subscriber.subscribe(TOPIC);
        TestPeer publisher = TestPeer.joined(router, REALM);
        Object wrong = option.endsWith("_authid") || option.endsWith("_authrole") ? List.of(7L) : List.of("seven");

        long request = publisher.nextRequest();
        publisher.send(new Publish(request, Map.of("acknowledge", true, option, wrong), TOPIC, Payload.ofArgs(1L)));
        ErrorMessage error = publisher.nextError(MessageType.PUBLISH, request, WampUris.INVALID_ARGUMENT);
        assertThat((String) error.payload().args().get(0)).contains(option);
        request = publisher.nextRequest();
        publisher.send(new Publish(request, Map.of("acknowledge", true, option, "not a list"), TOPIC,
                Payload.ofArgs(2L)));
        publisher.nextError(MessageType.PUBLISH, request, WampUris.INVALID_ARGUMENT);

        subscriber.roundTrip();
        subscriber.expectNothingMore();
    }

    @Test
    void flagsOfTheWrongTypeAreRefused() {
        TestPeer publisher = TestPeer.joined(router, REALM);
        for (String flag : List.of("exclude_me", "disclose_me", "retain")) {
            long request = publisher.nextRequest();
            publisher.send(new Publish(request, Map.of("acknowledge", true, flag, "yes"), TOPIC, Payload.ofArgs(1L)));
            publisher.nextError(MessageType.PUBLISH, request, WampUris.INVALID_ARGUMENT);
        }
    }

    @Test
    void theBrokerAnnouncesBlackAndWhitelisting() {
        assertThat(brokerFeatures()).containsEntry("subscriber_blackwhite_listing", true);
    }

    /** The values of every event this peer has received: all of them, as the publications were acknowledged. */
    private static List<Object> values(TestPeer subscriber) {
        return subscriber.received().stream().filter(Event.class::isInstance)
                .map(event -> ((Event) event).payload().args().get(0)).toList();
    }

    /** The first values of a local subscriber, once {@code count} have arrived; then nothing more. */
    private static List<Object> values(BlockingQueue<Event> events, int count) {
        // the publisher's acknowledged publications were all routed: local events are handed over synchronously
        assertThat(events).hasSize(count);
        return events.stream().map(event -> event.payload().args().get(0)).toList();
    }
}
