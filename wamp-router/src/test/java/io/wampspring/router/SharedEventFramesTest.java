package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Event;
import io.wampspring.router.serialization.Serializers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One publication's EVENT is serialized once per serializer and the frame shared by the subscribers using it. */
class SharedEventFramesTest extends PubSubRouterTest {

    @Test
    void subscribersWithOneSerializerShareTheEventsFrame() {
        TestPeer jsonA = new TestPeer(router, Serializers.JSON);
        TestPeer jsonB = new TestPeer(router, Serializers.JSON);
        TestPeer cbor = new TestPeer(router, Serializers.CBOR);
        for (TestPeer subscriber : List.of(jsonA, jsonB, cbor)) {
            subscriber.join(REALM);
            subscriber.subscribe("com.shop.dashboard");
        }
        TestPeer publisher = TestPeer.joined(router, REALM);

        publishAcknowledged(publisher, "com.shop.dashboard", Map.of(), "first");
        publishAcknowledged(publisher, "com.shop.dashboard", Map.of(), "second");

        for (int last = 1; last <= 2; last++) {
            int index = jsonA.receivedCount() - 3 + last;
            byte[] frameA = jsonA.transport.frames.get(index);
            assertThat(jsonB.transport.frames.get(jsonB.receivedCount() - 3 + last)).isSameAs(frameA);
            byte[] cborFrame = cbor.transport.frames.get(cbor.receivedCount() - 3 + last);
            assertThat(cborFrame).isNotSameAs(frameA);
            assertThat(((Event) cbor.receivedAt(cbor.receivedCount() - 3 + last)).payload().args())
                    .isEqualTo(((Event) jsonA.receivedAt(index)).payload().args());
        }
        // the second publication got frames of its own
        assertThat(((Event) jsonA.receivedAt(jsonA.receivedCount() - 1)).payload().args()).containsExactly("second");
    }
}
