package io.wampspring.router.serialization;

import io.wampspring.router.message.WampMessage;

/**
 * Turns messages into frames and back. Implementations are thread-safe and stateless. Decoding throws
 * {@link ProtocolViolationException} for anything that is not a well-formed WAMP message.
 */
public interface WampSerializer {

    /** The serializer's short name: {@code json}, {@code msgpack} or {@code cbor}. */
    String name();

    /** The WebSocket subprotocol, such as {@code wamp.2.json}. */
    default String subprotocol() {
        return "wamp.2." + name();
    }

    /** Whether frames are binary (MessagePack, CBOR) rather than text (JSON). */
    boolean isBinary();

    byte[] serialize(WampMessage message);

    WampMessage deserialize(byte[] frame);

    /** Decodes a text frame; only text serializers need to override the UTF-8 round trip. */
    default WampMessage deserialize(String frame) {
        return deserialize(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
