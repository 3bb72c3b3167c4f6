package io.wampspring.router.serialization;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code wamp.2.msgpack}, written against msgpack-core directly (there is no Jackson 3 MessagePack module). The
 * extension type 0 that some clients send for JavaScript's {@code undefined} is read as null, that is absent.
 */
public final class MsgPackSerializer implements WampSerializer {

    /** Invalid UTF-8 in a string is a malformed message, not something to replace silently. */
    private static final MessagePack.UnpackerConfig UNPACKER_CONFIG = new MessagePack.UnpackerConfig()
            .withActionOnMalformedString(CodingErrorAction.REPORT)
            .withActionOnUnmappableString(CodingErrorAction.REPORT);

    @Override
    public String name() {
        return "msgpack";
    }

    @Override
    public boolean isBinary() {
        return true;
    }

    @Override
    public byte[] serialize(WampMessage message) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            writeValue(packer, MessageCodec.toList(message));
            return packer.toByteArray();
        }
        catch (IOException ex) {
            throw new IllegalStateException("in-memory MessagePack packing failed", ex);
        }
    }

    @Override
    public WampMessage deserialize(byte[] frame) {
        try (MessageUnpacker unpacker = UNPACKER_CONFIG.newUnpacker(frame)) {
            if (!unpacker.hasNext()) {
                throw new ProtocolViolationException("empty msgpack frame");
            }
            Object value = readValue(unpacker, 0, frame.length);
            if (unpacker.hasNext()) {
                throw new ProtocolViolationException("trailing data after the msgpack message");
            }
            return MessageCodec.fromList(value);
        }
        catch (IOException | MessagePackException ex) {
            throw new ProtocolViolationException("malformed msgpack message: " + ex.getMessage(), ex);
        }
    }

    private @Nullable Object readValue(MessageUnpacker unpacker, int depth, int frameLength) throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        switch (format.getValueType()) {
            case NIL -> {
                unpacker.unpackNil();
                return null;
            }
            case BOOLEAN -> {
                return unpacker.unpackBoolean();
            }
            case INTEGER -> {
                if (format == MessageFormat.UINT64) {
                    BigInteger value = unpacker.unpackBigInteger();
                    return value.bitLength() < 64 ? (Object) value.longValue() : value;
                }
                return unpacker.unpackLong();
            }
            case FLOAT -> {
                return unpacker.unpackDouble();
            }
            case STRING -> {
                return unpacker.unpackString();
            }
            case BINARY -> {
                return unpacker.readPayload(checkLength(unpacker, unpacker.unpackBinaryHeader(), frameLength));
            }
            case ARRAY -> {
                checkDepth(depth);
                int size = unpacker.unpackArrayHeader();
                List<Object> list = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    list.add(readValue(unpacker, depth + 1, frameLength));
                }
                return list;
            }
            case MAP -> {
                checkDepth(depth);
                int size = unpacker.unpackMapHeader();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    Object key = readValue(unpacker, depth + 1, frameLength);
                    if (!(key instanceof String name)) {
                        throw new ProtocolViolationException("msgpack map keys must be strings, got " + key);
                    }
                    map.put(name, readValue(unpacker, depth + 1, frameLength));
                }
                return map;
            }
            case EXTENSION -> {
                var header = unpacker.unpackExtensionTypeHeader();
                unpacker.readPayload(checkLength(unpacker, header.getLength(), frameLength));
                if (header.getType() == 0) {
                    return null;
                }
                throw new ProtocolViolationException("unsupported msgpack extension type " + header.getType());
            }
            default -> throw new ProtocolViolationException("unsupported msgpack value " + format);
        }
    }

    /** A length the rest of the frame cannot hold is refused before a buffer of that size is allocated. */
    private static int checkLength(MessageUnpacker unpacker, int length, int frameLength) {
        if (length > frameLength - unpacker.getTotalReadBytes()) {
            throw new ProtocolViolationException("msgpack value of " + length + " bytes is longer than its frame");
        }
        return length;
    }

    private static void checkDepth(int depth) {
        if (depth >= JacksonSerializer.MAX_DEPTH) {
            throw new ProtocolViolationException("message nested deeper than " + JacksonSerializer.MAX_DEPTH + " levels");
        }
    }

    private static void writeValue(MessageBufferPacker packer, @Nullable Object value) throws IOException {
        switch (PayloadValues.kindOf(value)) {
            case NULL -> packer.packNil();
            case STRING -> packer.packString((String) value);
            case INTEGER -> packer.packLong(((Number) value).longValue());
            case DICT -> {
                Map<?, ?> map = (Map<?, ?>) value;
                packer.packMapHeader(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    packer.packString(PayloadValues.key(entry.getKey()));
                    writeValue(packer, entry.getValue());
                }
            }
            case ARRAY -> {
                Collection<?> collection = (Collection<?>) value;
                packer.packArrayHeader(collection.size());
                for (Object element : collection) {
                    writeValue(packer, element);
                }
            }
            case BOOLEAN -> packer.packBoolean((Boolean) value);
            case FLOAT -> packer.packDouble(((Number) value).doubleValue());
            case BINARY -> {
                byte[] bytes = (byte[]) value;
                packer.packBinaryHeader(bytes.length);
                packer.writePayload(bytes);
            }
            case NOT_UNICODE -> throw PayloadValues.notUnicode();
            case UNSIGNED_64 -> packer.packBigInteger((BigInteger) value);
            case BIG_INTEGER -> throw PayloadValues.beyondFormat(value, "msgpack, whose integers end at 64 bits");
        }
    }
}
