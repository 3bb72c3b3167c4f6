package io.wampspring.autoconfigure;

import java.util.List;

import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;

/** What every WebSocket endpoint of the router takes from {@code wamp.*}, whichever web stack serves it. */
final class WampEndpointSettings {

    private WampEndpointSettings() {
    }

    /** The serializers of {@code wamp.serializers}, in their order; at least one. */
    static List<WampSerializer> serializers(WampProperties properties) {
        List<WampSerializer> serializers = properties.getSerializers().stream()
                .map(serializer -> Serializers.byName(serializer.name()))
                .toList();
        if (serializers.isEmpty()) {
            throw new IllegalStateException("wamp.serializers is empty: enable at least one serializer");
        }
        return serializers;
    }

    /** {@code wamp.max-message-size} in bytes, as large as a Java array may be. */
    static int maxMessageBytes(WampProperties properties) {
        return (int) Math.min(Integer.MAX_VALUE - 8, properties.getMaxMessageSize().toBytes());
    }
}
