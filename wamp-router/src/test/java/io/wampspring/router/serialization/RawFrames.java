package io.wampspring.router.serialization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.dataformat.cbor.CBORFactory;

/**
 * Encodes arbitrary values (including ones that are not valid WAMP messages) in each wire format, independently of
 * the serializers under test, and compares decoded values with byte arrays in them.
 */
public final class RawFrames {

    private static final CBORFactory CBOR = CBORFactory.builder().build();

    private RawFrames() {
    }

    /** Encodes a plain value (null, Boolean, Long, Integer, BigInteger, Double, String, byte[], List, Map). */
    public static byte[] encode(WampSerializer serializer, Object value) {
        return switch (serializer.name()) {
            case "json" -> json(value).getBytes(StandardCharsets.UTF_8);
            case "msgpack" -> msgpack(value);
            case "cbor" -> cbor(value);
            default -> throw new IllegalArgumentException(serializer.name());
        };
    }

    /** A minimal JSON writer; byte[] uses the WAMP convention. */
    public static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
    }

    private static void writeJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                }
                else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                }
                else {
                    out.append(c);
                }
            }
            out.append('"');
        }
        else if (value instanceof byte[] bytes) {
            writeJson(out, '\u0000' + Base64.getEncoder().encodeToString(bytes));
        }
        else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeJson(out, list.get(i));
            }
            out.append(']');
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeJson(out, String.valueOf(entry.getKey()));
                out.append(':');
                writeJson(out, entry.getValue());
            }
            out.append('}');
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    public static byte[] msgpack(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            writeMsgpack(packer, value);
            return packer.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writeMsgpack(MessageBufferPacker packer, Object value) throws IOException {
        if (value == null) {
            packer.packNil();
        }
        else if (value instanceof String s) {
            packer.packString(s);
        }
        else if (value instanceof Long || value instanceof Integer) {
            packer.packLong(((Number) value).longValue());
        }
        else if (value instanceof BigInteger big) {
            packer.packBigInteger(big);
        }
        else if (value instanceof Double d) {
            packer.packDouble(d);
        }
        else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        }
        else if (value instanceof byte[] bytes) {
            packer.packBinaryHeader(bytes.length);
            packer.writePayload(bytes);
        }
        else if (value instanceof List<?> list) {
            packer.packArrayHeader(list.size());
            for (Object element : list) {
                writeMsgpack(packer, element);
            }
        }
        else if (value instanceof Map<?, ?> map) {
            packer.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                packer.packString(String.valueOf(entry.getKey()));
                writeMsgpack(packer, entry.getValue());
            }
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    public static byte[] cbor(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = CBOR.createGenerator(ObjectWriteContext.empty(), out)) {
            writeCbor(generator, value);
        }
        return out.toByteArray();
    }

    private static void writeCbor(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        }
        else if (value instanceof String s) {
            generator.writeString(s);
        }
        else if (value instanceof Long || value instanceof Integer) {
            generator.writeNumber(((Number) value).longValue());
        }
        else if (value instanceof BigInteger big) {
            generator.writeNumber(big);
        }
        else if (value instanceof Double d) {
            generator.writeNumber(d);
        }
        else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        }
        else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        }
        else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeCbor(generator, element);
            }
            generator.writeEndArray();
        }
        else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName(String.valueOf(entry.getKey()));
                writeCbor(generator, entry.getValue());
            }
            generator.writeEndObject();
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    /** Decodes a frame with the serializer, as a transport would hand it over (text for JSON). */
    public static io.wampspring.router.message.WampMessage decode(WampSerializer serializer, byte[] frame) {
        return serializer.isBinary()
                ? serializer.deserialize(frame)
                : serializer.deserialize(new String(frame, StandardCharsets.UTF_8));
    }

    /** Reads a frame into plain values with readers independent of the serializers under test. */
    public static Object decodeRaw(WampSerializer serializer, byte[] frame) {
        if (serializer.name().equals("msgpack")) {
            try (org.msgpack.core.MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(frame)) {
                return toPlain(unpacker.unpackValue());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        tools.jackson.core.TokenStreamFactory factory = serializer.name().equals("cbor")
                ? CBOR : tools.jackson.core.json.JsonFactory.builder().build();
        try (tools.jackson.core.JsonParser parser = factory.createParser(
                tools.jackson.core.ObjectReadContext.empty(), frame)) {
            return readJackson(parser, parser.nextToken());
        }
    }

    private static Object toPlain(org.msgpack.value.Value value) {
        return switch (value.getValueType()) {
            case NIL -> null;
            case BOOLEAN -> value.asBooleanValue().getBoolean();
            case INTEGER -> value.asIntegerValue().toLong();
            case FLOAT -> value.asFloatValue().toDouble();
            case STRING -> value.asStringValue().asString();
            case BINARY -> value.asBinaryValue().asByteArray();
            case ARRAY -> value.asArrayValue().list().stream().map(RawFrames::toPlain).toList();
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asMapValue().map().forEach((k, v) -> map.put(k.asStringValue().asString(), toPlain(v)));
                yield map;
            }
            case EXTENSION -> value.asExtensionValue();
        };
    }

    private static Object readJackson(tools.jackson.core.JsonParser parser, tools.jackson.core.JsonToken token) {
        switch (token) {
            case START_ARRAY -> {
                java.util.List<Object> list = new java.util.ArrayList<>();
                tools.jackson.core.JsonToken next;
                while ((next = parser.nextToken()) != tools.jackson.core.JsonToken.END_ARRAY) {
                    list.add(readJackson(parser, next));
                }
                return list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    map.put(name, readJackson(parser, parser.nextToken()));
                }
                return map;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_EMBEDDED_OBJECT -> {
                return parser.getBinaryValue();
            }
            default -> throw new IllegalStateException(token.name());
        }
    }

    /**
     * A copy of a decoded value in which every byte[] is replaced by a comparable stand-in, so that whole messages
     * (as {@link MessageCodec#toList} lists) can be compared with {@code equals}.
     */
    public static Object comparable(Object value) {
        if (value instanceof byte[] bytes) {
            return new Bytes(HexFormat.of().formatHex(bytes));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RawFrames::comparable).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, comparable(element)));
            return copy;
        }
        return value;
    }

    /** Stand-in for a byte array inside {@link #comparable} values. */
    public record Bytes(String hex) {
    }
}
