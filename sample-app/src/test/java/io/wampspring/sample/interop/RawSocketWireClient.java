package io.wampspring.sample.interop;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * A WAMP-over-RawSocket client written from the spec for the tests: the four-octet handshake, length-prefixed
 * frames, and WAMP messages as plain lists encoded with JSON, MessagePack (msgpack-core) or CBOR (Jackson), none of
 * the router's own code.
 */
final class RawSocketWireClient implements AutoCloseable {

    private static final Map<String, Integer> SERIALIZER_IDS = Map.of("json", 1, "msgpack", 2, "cbor", 3);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String serializer;
    private final byte[] reply = new byte[4];

    RawSocketWireClient(int port, String serializer) throws IOException {
        this.serializer = serializer;
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write(new byte[] {0x7F, (byte) (0xF0 | SERIALIZER_IDS.get(serializer)), 0, 0});
        out.flush();
        in.readFully(reply);
    }

    /** The router's handshake reply, octet by octet. */
    int[] handshakeReply() {
        return new int[] {reply[0] & 0xFF, reply[1] & 0xFF, reply[2] & 0xFF, reply[3] & 0xFF};
    }

    void send(Object... message) throws IOException {
        byte[] payload = encode(List.of(message));
        out.write(new byte[] {0, (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length});
        out.write(payload);
        out.flush();
    }

    /** The next WAMP message (PONGs and PINGs are not expected here: a non-WAMP frame fails the read). */
    List<Object> receive() throws IOException {
        int header = in.readInt();
        byte[] payload = new byte[header & 0xFFFFFF];
        in.readFully(payload);
        if (header >>> 24 != 0) {
            throw new IOException("expected a WAMP message frame, got type " + (header >>> 24));
        }
        return decode(payload);
    }

    private byte[] encode(List<Object> message) throws IOException {
        if (serializer.equals("msgpack")) {
            try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
                pack(packer, message);
                return packer.toByteArray();
            }
        }
        return mapper().writeValueAsBytes(message);
    }

    @SuppressWarnings("unchecked")
    private List<Object> decode(byte[] payload) throws IOException {
        if (serializer.equals("msgpack")) {
            try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(payload)) {
                return (List<Object>) unpack(unpacker.unpackValue());
            }
        }
        return mapper().readValue(payload, List.class);
    }

    private ObjectMapper mapper() {
        return serializer.equals("cbor") ? CBORMapper.builder().build() : JsonMapper.builder().build();
    }

    private static void pack(MessageBufferPacker packer, Object value) throws IOException {
        if (value instanceof String text) {
            packer.packString(text);
        }
        else if (value instanceof Integer || value instanceof Long) {
            packer.packLong(((Number) value).longValue());
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
        else if (value instanceof Boolean bool) {
            packer.packBoolean(bool);
        }
        else {
            throw new IllegalArgumentException("cannot pack " + value);
        }
    }

    private static Object unpack(Value value) {
        return switch (value.getValueType()) {
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asArrayValue().forEach(element -> list.add(unpack(element)));
                yield list;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                value.asMapValue().map().forEach((key, element) -> map.put(unpack(key), unpack(element)));
                yield map;
            }
            // as Jackson reads JSON and CBOR: an int when it fits, else a long
            case INTEGER -> value.asIntegerValue().isInIntRange() ? (Object) value.asIntegerValue().toInt()
                    : (Object) value.asIntegerValue().toLong();
            case STRING -> value.asStringValue().asString();
            case BOOLEAN -> value.asBooleanValue().getBoolean();
            case FLOAT -> value.asFloatValue().toDouble();
            case NIL -> null;
            default -> value.toString();
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
