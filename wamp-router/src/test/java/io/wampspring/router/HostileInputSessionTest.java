package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Defects the session fuzz test ({@link SessionFuzzTest}) found, through the transport SPI. */
class HostileInputSessionTest {

    private final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    /**
     * A JSON client's lone surrogate used to be routed, and broke the CBOR subscriber's serializer with an exception
     * of Jackson's, swallowed by the connection: the publisher got nothing and the event vanished. It is a protocol
     * violation of the publisher now, and the subscriber carries on.
     */
    @Test
    void aLoneSurrogateFromAJsonPublisherAbortsItAndSparesACborSubscriber() {
        TestPeer subscriber = TestPeer.joinedWith(router, Serializers.CBOR, "realm1", TestPeer.ROLES);
        subscriber.subscribe("com.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");

        publisher.sendText("[16, 1, {\"acknowledge\": true}, \"com.topic\", [\"\\ud800\"]]");

        Abort abort = publisher.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
        assertThat(abort.details().get("message").toString()).contains("unpaired surrogate");
        assertThat(publisher.transport.closedWith.get()).isEqualTo(CloseReason.PROTOCOL_ERROR);
        assertThat(router.realm("realm1").sessions()).extracting(RouterSession::sessionId)
                .containsExactly(subscriber.sessionId);

        TestPeer other = TestPeer.joined(router, "realm1");
        other.send(new Publish(1, Map.of(), "com.topic", Payload.of(List.of("\uD83D\uDE00"), null)));
        assertThat(subscriber.next(Event.class).payload().args()).containsExactly("\uD83D\uDE00");
        subscriber.expectNothingMore();
    }

    /**
     * A MessagePack client's string that starts with NUL used to reach JSON subscribers as it was: binary to them,
     * with invalid base64, so they could not read the EVENT. They miss that event now (it cannot be written as JSON);
     * MessagePack and CBOR subscribers get it, and the publisher is acknowledged.
     */
    @Test
    void aStringStartingWithNulReachesBinarySubscribersAndNoUnreadableFrameReachesJsonOnes() {
        TestPeer json = TestPeer.joined(router, "realm1");
        json.subscribe("com.topic");
        TestPeer cbor = TestPeer.joinedWith(router, Serializers.CBOR, "realm1", TestPeer.ROLES);
        cbor.subscribe("com.topic");
        TestPeer publisher = TestPeer.joinedWith(router, Serializers.MSGPACK, "realm1", TestPeer.ROLES);

        publisher.send(new Publish(7, Map.of("acknowledge", true), "com.topic", Payload.of(List.of("\u0000abc"), null)));

        publisher.next(io.wampspring.router.message.Published.class);
        assertThat(cbor.next(Event.class).payload().args()).containsExactly("\u0000abc");
        json.roundTrip();
        assertThat(json.received()).noneMatch(Event.class::isInstance);
    }
}
