package io.wampspring.router.serialization;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * Reads and writes messages with a Jackson streaming factory (JSON or CBOR) straight into plain values, without
 * data binding. Subclasses decide how binary values are represented.
 */
abstract class JacksonSerializer implements WampSerializer {

    /** Deeper nesting than this is refused as hostile rather than risking the stack. */
    static final int MAX_DEPTH = 200;

    private final TokenStreamFactory factory;

    JacksonSerializer(TokenStreamFactory factory) {
        this.factory = factory;
    }

    @Override
    public byte[] serialize(WampMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            writeValue(generator, MessageCodec.toList(message));
        }
        return out.toByteArray();
    }

    @Override
    public WampMessage deserialize(byte[] frame) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), frame)) {
            return decode(parser);
        }
        catch (JacksonException ex) {
            throw new ProtocolViolationException("malformed " + name() + " message: " + ex.getOriginalMessage(), ex);
        }
    }

    final WampMessage decode(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new ProtocolViolationException("empty " + name() + " frame");
        }
        Object value = readValue(parser, first, 0);
        if (parser.nextToken() != null) {
            throw new ProtocolViolationException("trailing data after the " + name() + " message");
        }
        return MessageCodec.fromList(value);
    }

    private @Nullable Object readValue(JsonParser parser, JsonToken token, int depth) {
        switch (token) {
            case START_ARRAY -> {
                checkDepth(depth);
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, next, depth + 1));
                }
                return list;
            }
            case START_OBJECT -> {
                checkDepth(depth);
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = unicode(parser.currentName());
                    map.put(name, readValue(parser, parser.nextToken(), depth + 1));
                }
                return map;
            }
            case VALUE_STRING -> {
                return readString(unicode(parser.getString()));
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_EMBEDDED_OBJECT -> {
                return readEmbedded(parser);
            }
            default -> throw new ProtocolViolationException("unexpected " + token + " in " + name() + " message");
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new ProtocolViolationException("message nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * A string or key as read, refused if it is not valid Unicode: JSON can escape a lone surrogate
     * ({@code "\ud800"}), the counterpart of invalid UTF-8, which no serializer can write on to another peer.
     */
    private String unicode(String text) {
        if (!PayloadValues.unicode(text)) {
            throw new ProtocolViolationException("string with an unpaired surrogate in " + name() + " message");
        }
        return text;
    }

    /** A string value as read; JSON turns its binary convention back into bytes here. */
    Object readString(String value) {
        return value;
    }

    /** An embedded value such as a CBOR byte string. */
    @Nullable Object readEmbedded(JsonParser parser) {
        throw new ProtocolViolationException("unexpected embedded value in " + name() + " message");
    }

    abstract void writeBinary(JsonGenerator generator, byte[] bytes);

    /** A string value; CBOR overrides this to keep long strings in one definite-length piece. */
    void writeString(JsonGenerator generator, String value) {
        generator.writeString(value);
    }

    private void writeValue(JsonGenerator generator, @Nullable Object value) {
        switch (PayloadValues.kindOf(value)) {
            case NULL -> generator.writeNull();
            case STRING -> writeString(generator, (String) value);
            case INTEGER -> generator.writeNumber(((Number) value).longValue());
            case DICT -> {
                Map<?, ?> map = (Map<?, ?>) value;
                // definite lengths: CBOR then writes sized maps and arrays, which every decoder reads
                generator.writeStartObject(map, map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeName(PayloadValues.key(entry.getKey()));
                    writeValue(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                Collection<?> collection = (Collection<?>) value;
                generator.writeStartArray(collection, collection.size());
                for (Object element : collection) {
                    writeValue(generator, element);
                }
                generator.writeEndArray();
            }
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case FLOAT -> generator.writeNumber(((Number) value).doubleValue());
            case BINARY -> writeBinary(generator, (byte[]) value);
            case NOT_UNICODE -> throw PayloadValues.notUnicode();
            case UNSIGNED_64 -> writeUnsigned64(generator, (BigInteger) value);
            case BIG_INTEGER -> generator.writeNumber((BigInteger) value);
        }
    }

    /** An integer in [2^63, 2^64-1]; CBOR overrides this to write it as a plain unsigned integer, not a bignum. */
    void writeUnsigned64(JsonGenerator generator, BigInteger value) {
        generator.writeNumber(value);
    }

    static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new ProtocolViolationException("invalid base64 in a binary value", ex);
        }
    }
}
