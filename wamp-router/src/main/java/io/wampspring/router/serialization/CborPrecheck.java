package io.wampspring.router.serialization;

/**
 * Walks a CBOR frame's item structure before Jackson parses it, to refuse what Jackson's parser handles badly:
 * <ul>
 * <li>a chain of tags on one item: Jackson collects it in an array it grows by 8 entries per copy, so a frame of
 * nested tags (a few hundred KiB, well under the message size limit) costs seconds of CPU, quadratic in its length.
 * WAMP needs no more than a bignum or a self-describe tag on an item;</li>
 * <li>text strings that are not strict UTF-8: Jackson decodes overlong forms such as {@code C0 80} (a hidden NUL),
 * which the MessagePack decoder and every strict peer refuse.</li>
 * </ul>
 * The walk is linear, allocates one small array, and leaves every other fault (truncation, bad heads, nesting) for
 * Jackson to report.
 */
final class CborPrecheck {

    /** The most tags one item may carry. */
    static final int MAX_TAGS_PER_ITEM = 8;

    private static final long INDEFINITE = -1;

    private CborPrecheck() {
    }

    static void check(byte[] frame) {
        // remaining[d]: items still to come in the container open at depth d; depth 0 is the frame, one item
        long[] remaining = new long[JacksonSerializer.MAX_DEPTH + 2];
        int depth = 0;
        remaining[0] = 1;
        int tags = 0;
        int pos = 0;
        while (pos < frame.length && remaining[0] != 0) {
            int initial = frame[pos++] & 0xff;
            if (initial == 0xff) {
                if (depth == 0 || remaining[depth] != INDEFINITE) {
                    return;
                }
                depth = itemDone(remaining, depth - 1);
                continue;
            }
            int major = initial >>> 5;
            int info = initial & 0x1f;
            long argument;
            if (info < 24) {
                argument = info;
            }
            else if (info <= 27) {
                int size = 1 << (info - 24);
                if (frame.length - pos < size) {
                    return;
                }
                argument = 0;
                for (int i = 0; i < size; i++) {
                    argument = (argument << 8) | (frame[pos++] & 0xff);
                }
            }
            else if (info == 31 && major >= 2 && major <= 5) {
                argument = INDEFINITE;
            }
            else {
                return;
            }
            if (major == 6) {
                if (++tags > MAX_TAGS_PER_ITEM) {
                    throw new ProtocolViolationException("more than " + MAX_TAGS_PER_ITEM
                            + " CBOR tags on one item in cbor message");
                }
                continue;
            }
            tags = 0;
            long items = switch (major) {
                case 2, 3 -> {
                    if (argument == INDEFINITE) {
                        yield INDEFINITE; // chunks follow, then a break
                    }
                    if (argument < 0 || argument > frame.length - pos) {
                        yield -2; // longer than the frame: Jackson reports it
                    }
                    if (major == 3 && !strictUtf8(frame, pos, pos + (int) argument)) {
                        throw new ProtocolViolationException("invalid UTF-8 in a cbor text string");
                    }
                    pos += (int) argument;
                    yield 0;
                }
                case 4 -> argument;
                case 5 -> argument == INDEFINITE ? INDEFINITE : argument < 0 || argument > frame.length ? -2
                        : argument * 2;
                default -> 0;
            };
            if (items == -2 || items < INDEFINITE || items > frame.length - pos && items != INDEFINITE) {
                return;
            }
            if (items == 0) {
                depth = itemDone(remaining, depth);
            }
            else {
                if (depth + 1 >= remaining.length) {
                    return; // too deep: Jackson's nesting limit refuses it
                }
                remaining[++depth] = items;
            }
        }
    }

    /** An item of the container at {@code depth} is complete; closes every container that completes with it. */
    private static int itemDone(long[] remaining, int depth) {
        int d = depth;
        while (remaining[d] != INDEFINITE && --remaining[d] == 0 && d > 0) {
            d--;
        }
        return d;
    }

    /** Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing beyond U+10FFFF, no cut sequences. */
    static boolean strictUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int lead = bytes[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuation = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2
                    : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
            if (continuation < 0 || to - i <= continuation) {
                return false;
            }
            int second = bytes[i + 1] & 0xff;
            if (lead == 0xe0 && second < 0xa0 || lead == 0xed && second > 0x9f || lead == 0xf0 && second < 0x90
                    || lead == 0xf4 && second > 0x8f) {
                return false;
            }
            for (int k = 1; k <= continuation; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }
}
