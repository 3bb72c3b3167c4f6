package io.wampspring.router;

import java.util.Map;

import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Publisher identification: disclose_me, and the realm's publisher disclosure setting. */
class PublisherIdentificationTest extends PubSubRouterTest {

    @ParameterizedTest
    @MethodSource("serializers")
    void aPublisherThatAsksIsDisclosedToExactAndPatternSubscribers(WampSerializer serializer) {
        TestPeer subscriber = TestPeer.joinedWith(router, serializer, REALM, TestPeer.ROLES);
        long exact = subscriber.subscribe("com.shop.price");
        long prefix = subscribe(subscriber, "com.shop.", Map.of("match", "prefix"));
        TestPeer publisher = new TestPeer(router, serializer);
        Welcome welcome = publisher.join(REALM);

        publishAcknowledged(publisher, "com.shop.price", Map.of("disclose_me", true), 9L);

        Map<String, Object> disclosed = Map.of("publisher", welcome.session(),
                "publisher_authid", welcome.details().get("authid"), "publisher_authrole", "anonymous");
        for (int i = 0; i < 2; i++) {
            Event event = subscriber.next(Event.class);
            if (event.subscription() == exact) {
                assertThat(event.details()).isEqualTo(disclosed);
            }
            else {
                assertThat(event.subscription()).isEqualTo(prefix);
                assertThat(event.details()).containsAllEntriesOf(disclosed).containsEntry("topic", "com.shop.price");
            }
        }
    }

    @Test
    void aPublisherThatDoesNotAskStaysAnonymous() {
        TestPeer subscriber = TestPeer.joined(router, REALM);
        subscriber.subscribe("com.shop.price");
        TestPeer publisher = TestPeer.joined(router, REALM);

        publishAcknowledged(publisher, "com.shop.price", Map.of("disclose_me", false), 9L);
        publishAcknowledged(publisher, "com.shop.price", 10L);

        assertThat(subscriber.next(Event.class).details()).isEmpty();
        assertThat(subscriber.next(Event.class).details()).isEmpty();
    }

    @Test
    void aRealmThatAlwaysDisclosesDoesSoUnasked() {
        useRouter(new PubSubConfig(Disclosure.ALWAYS));
        TestPeer subscriber = TestPeer.joined(router, REALM);
        subscriber.subscribe("com.shop.price");
        TestPeer publisher = TestPeer.joined(router, REALM);

        publishAcknowledged(publisher, "com.shop.price", 9L);

        assertThat(subscriber.next(Event.class).details()).containsEntry("publisher", publisher.sessionId)
                .containsKeys("publisher_authid", "publisher_authrole");
    }

    @Test
    void aRealmThatNeverDisclosesRefusesTheRequestAndDeliversNothing() {
        useRouter(new PubSubConfig(Disclosure.NEVER));
        TestPeer subscriber = TestPeer.joined(router, REALM);
        subscriber.subscribe("com.shop.price");
        TestPeer publisher = TestPeer.joined(router, REALM);

        long request = publisher.nextRequest();
        publisher.send(new Publish(request, Map.of("acknowledge", true, "disclose_me", true), "com.shop.price",
                Payload.ofArgs(9L)));
        publisher.nextError(MessageType.PUBLISH, request, WampUris.OPTION_DISALLOWED_DISCLOSE_ME);
        // without acknowledge the refusal is silent, as for any publication
        publisher.send(new Publish(publisher.nextRequest(), Map.of("disclose_me", true), "com.shop.price",
                Payload.ofArgs(10L)));
        publishAcknowledged(publisher, "com.shop.price", 11L);

        Event event = subscriber.next(Event.class);
        assertThat(event.payload().args()).containsExactly(11L);
        assertThat(event.details()).isEmpty();
        subscriber.roundTrip();
        subscriber.expectNothingMore();
    }

    @Test
    void theBrokerAnnouncesPublisherIdentification() {
        assertThat(brokerFeatures()).containsEntry("publisher_identification", true);
    }
}
