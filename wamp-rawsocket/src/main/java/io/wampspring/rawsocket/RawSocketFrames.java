package io.wampspring.rawsocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * The four-octet frame prefix: {@code RRRR XTTT} then a 24-bit length; {@code X} is set only for a payload of
 * exactly 2^24 octets (its 24 length bits then zero), {@code TTT} is the frame type.
 */
final class RawSocketFrames {

    static final int HEADER_LENGTH = 4;
    static final int WAMP = 0;
    static final int PING = 1;
    static final int PONG = 2;
    static final int MAX_PAYLOAD = 1 << 24;

    private static final int EXTRA_LENGTH_BIT = 0x08;

    private RawSocketFrames() {
    }

    /** The prefix of a frame of {@code type} carrying {@code length} octets. */
    static int header(int type, int length) {
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a RawSocket payload is 0 to 2^24 octets, not " + length);
        }
        return length == MAX_PAYLOAD ? (type | EXTRA_LENGTH_BIT) << 24 : type << 24 | length;
    }

    /** A whole frame as one buffer, so no other write can come between its prefix and its payload. */
    static ByteBuf frame(ByteBufAllocator alloc, int type, ByteBuf payload) {
        ByteBuf prefix = alloc.buffer(HEADER_LENGTH).writeInt(header(type, payload.readableBytes()));
        return Unpooled.wrappedBuffer(prefix, payload);
    }

    /** A decoded prefix; {@code violation} says what is wrong with it when it is not a frame this peer may send. */
    record Header(int type, int length, String violation) {

        static Header parse(int header) {
            int first = header >>> 24;
            int length = header & 0xFFFFFF;
            if ((first & 0xF0) != 0) {
                return new Header(-1, length, "reserved bits set in a RawSocket frame prefix");
            }
            int type = first & 0x07;
            if (type > PONG) {
                return new Header(type, length, "reserved RawSocket frame type " + type);
            }
            if ((first & EXTRA_LENGTH_BIT) != 0) {
                if (length != 0) {
                    return new Header(type, length, "RawSocket length bit 25 set with a non-zero 24-bit length");
                }
                length = MAX_PAYLOAD;
            }
            return new Header(type, length, "");
        }

        boolean valid() {
            return violation.isEmpty();
        }
    }
}
