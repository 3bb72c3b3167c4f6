package io.wampspring.rawsocket;

import java.util.Map;

import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The RawSocket opening handshake as the router sees it: the client's four octets ({@code 0x7F}, then its receive
 * limit's exponent in the high nibble and its serializer in the low nibble, then two reserved zero octets) and the
 * router's four-octet reply, which echoes the serializer with the router's own limit or carries an error code.
 */
public final class RawSocketHandshake {

    public static final int MAGIC = 0x7F;
    /** The smallest length exponent's size: exponent {@code n} stands for {@code 2^(9+n)} octets. */
    public static final int MIN_LENGTH = 1 << 9;
    public static final int MAX_EXPONENT = 15;

    /** Serializer ids of the spec (4 UBJSON and 5 FlatBuffers are not spoken here). */
    public static final Map<String, Integer> SERIALIZER_IDS = Map.of("json", 1, "msgpack", 2, "cbor", 3);

    /** What the router makes of a client's handshake. */
    public sealed interface Outcome permits Accepted, Rejected, NotRawSocket {
    }

    /** Speak {@code serializer}; never send the client more than {@code clientMaxLength} octets in one message. */
    public record Accepted(WampSerializer serializer, int serializerId, int clientMaxLength) implements Outcome {
    }

    /** Answer with the error reply and close. */
    public record Rejected(RawSocketError error) implements Outcome {
    }

    /** The first octet is not the magic: not a RawSocket client at all, so no RawSocket reply; just close. */
    public record NotRawSocket(int firstOctet) implements Outcome {
    }

    private final Map<Integer, WampSerializer> serializers;
    private final int minClientExponent;

    /**
     * @param serializers the serializers offered, by spec id
     * @param minClientExponent the smallest receive limit accepted from a client, as an exponent (0 accepts all)
     */
    public RawSocketHandshake(Map<Integer, WampSerializer> serializers, int minClientExponent) {
        this.serializers = Map.copyOf(serializers);
        this.minClientExponent = minClientExponent;
    }

    /** Judges the client's four octets, in the order the spec lists the checks. */
    public Outcome evaluate(byte[] request) {
        int magic = request[0] & 0xFF;
        if (magic != MAGIC) {
            return new NotRawSocket(magic);
        }
        int second = request[1] & 0xFF;
        if (request[2] != 0 || request[3] != 0) {
            return new Rejected(RawSocketError.RESERVED_BITS_USED);
        }
        WampSerializer serializer = serializers.get(second & 0x0F);
        if (serializer == null) {
            // 0 is illegal, 4 and 5 are not spoken, 6-15 are reserved: none can be used
            return new Rejected(RawSocketError.SERIALIZER_UNSUPPORTED);
        }
        int exponent = second >> 4;
        if (exponent < minClientExponent) {
            return new Rejected(RawSocketError.MAX_LENGTH_UNACCEPTABLE);
        }
        return new Accepted(serializer, second & 0x0F, lengthOf(exponent));
    }

    /** The success reply: the router's receive limit and the client's serializer echoed. */
    public static byte[] acceptReply(int routerExponent, int serializerId) {
        return new byte[] {(byte) MAGIC, (byte) (routerExponent << 4 | serializerId), 0, 0};
    }

    /** The error reply: the error code in the high nibble, the low nibble zero. */
    public static byte[] errorReply(RawSocketError error) {
        return new byte[] {(byte) MAGIC, (byte) (error.code() << 4), 0, 0};
    }

    /** The length an exponent stands for: {@code 2^(9+exponent)} octets, 512 to 16 Mi. */
    public static int lengthOf(int exponent) {
        if (exponent < 0 || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("a RawSocket length exponent is 0 to 15, not " + exponent);
        }
        return MIN_LENGTH << exponent;
    }

    /** The largest exponent whose length does not exceed {@code bytes} (0 below 1 KiB, 15 from 16 MiB up). */
    public static int exponentAtMost(long bytes) {
        int exponent = 0;
        while (exponent < MAX_EXPONENT && (long) MIN_LENGTH << (exponent + 1) <= bytes) {
            exponent++;
        }
        return exponent;
    }

    static @Nullable Integer idOf(WampSerializer serializer) {
        return SERIALIZER_IDS.get(serializer.name());
    }
}
