package io.wampspring.spring.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Encodes arbitrary values (including ones that are no valid WAMP message) in a serializer's wire format, to send
 * what a well-behaved client never would.
 */
final class RawFrames {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CBORMapper CBOR = CBORMapper.builder().build();

    private RawFrames() {
    }

    /** Sends the value as a frame of the serializer's kind (text for JSON, binary otherwise). */
    static void send(TestWampClient client, String serializer, Object value) {
        switch (serializer) {
            case "json" -> client.sendText(JSON.writeValueAsString(value));
            case "msgpack" -> client.sendBinary(msgpack(value));
            case "cbor" -> client.sendBinary(CBOR.writeValueAsBytes(value));
            default -> throw new IllegalArgumentException(serializer);
        }
    }

    /** A frame the serializer cannot parse at all (truncated). */
    static void sendMalformed(TestWampClient client, String serializer) {
        switch (serializer) {
            // an array that never ends
            case "json" -> client.sendText("[1, \"realm1\", {\"roles\": {\"caller\": {}}");
            // a fixarray announcing three elements that carries one
            case "msgpack" -> client.sendBinary(new byte[] {(byte) 0x93, 0x01});
            // a CBOR array announcing three elements that carries one
            case "cbor" -> client.sendBinary(new byte[] {(byte) 0x83, 0x01});
            default -> throw new IllegalArgumentException(serializer);
        }
    }

    static byte[] msgpack(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            pack(packer, value);
            return packer.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void pack(MessageBufferPacker packer, Object value) throws IOException {
        if (value == null) {
            packer.packNil();
        }
        else if (value instanceof String s) {
            packer.packString(s);
        }
        else if (value instanceof Integer || value instanceof Long) {
            packer.packLong(((Number) value).longValue());
        }
        else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        }
        else if (value instanceof List<?> list) {
            packer.packArrayHeader(list.size());
            for (Object element : list) {
                pack(packer, element);
            }
        }
        else if (value instanceof Map<?, ?> map) {
            packer.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                pack(packer, entry.getKey());
                pack(packer, entry.getValue());
            }
        }
        else {
            throw new IllegalArgumentException("cannot pack " + value.getClass());
        }
    }
}
