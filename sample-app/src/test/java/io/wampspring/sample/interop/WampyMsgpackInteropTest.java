package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static io.wampspring.sample.interop.Values.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** wampy 8 (npm wampy, on the ws package) with msgpack, against autobahn-java with cbor, the beans and WampTemplate. */
class WampyMsgpackInteropTest extends AbstractCrossClientInteropTest {

    @Override
    String library() {
        return "wampy";
    }

    @Override
    String serializer() {
        return "msgpack";
    }

    @Override
    String javaSerializer() {
        return "cbor";
    }

    /**
     * wampy's MessagePack serializer (msgpackr) writes {@code undefined} as the extension type 0 (d4 00 00), and
     * wampy's SUBSCRIBE options hold {@code match: undefined, get_retained: undefined}: the router must read them as
     * absent, so the subscription is a plain exact one that receives events.
     */
    @Test
    @SuppressWarnings("unchecked")
    void undefinedOptionValuesAreReadAsAbsent() {
        String topic = uri("undefined_options");
        node.subscribe(topic);

        List<Object> sentWithUndefined = (List<Object>) node.stats().get("undefinedExtMessages");
        assertThat(sentWithUndefined).as("messages wampy sent with the MessagePack extension type 0 for undefined")
                .map(message -> (List<Object>) normalize(message))
                .filteredOn(message -> topic.equals(message.get(3)))
                .singleElement().satisfies(subscribe -> {
                    assertThat(subscribe.get(0)).as("message type").isEqualTo(32L);
                    // the driver shows undefined as null
                    assertThat(subscribe.get(2)).as("SUBSCRIBE.Options").isEqualTo(mapOf("match", null,
                            "get_retained", null));
                });

        String token = token();
        java.publish(topic, listOf(token), mapOf("token", token));
        NodeWampClient.Received event = node.events(topic, token, 1).get(0);
        assertThat(event.args()).isEqualTo(normalize(listOf(token)));
        assertThat(event.kwargs()).isEqualTo(Map.of("token", token));
    }
}
