package io.wampspring.router.serialization;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes value trees to JSON, MessagePack and CBOR bytes by hand, with no encoder library in between, so that it can
 * write what a well-behaved encoder never would: invalid UTF-8, duplicate and non-string keys, NaN literals, CBOR tags
 * and indefinite lengths, and headers that claim far more than follows. Plain values are null, Boolean, Long, Integer,
 * BigInteger, Double, String, byte[], List and Map; the records below are the hostile extras.
 */
public final class HostileWire {

    /** A string whose UTF-8 bytes are written as given, valid or not. */
    public record RawString(byte[] utf8) {
    }

    /** A map written entry by entry: keys may repeat and need not be strings. */
    public record Entries(List<Map.Entry<Object, Object>> entries) {
    }

    /** A CBOR tag around a value (JSON and MessagePack write the value alone). */
    public record Tagged(long tag, Object value) {
    }

    /** A CBOR array, map or string in indefinite-length form (others write it as usual). */
    public record Indefinite(Object value) {
    }

    /** A container or string header claiming {@code length} items or bytes, followed by nothing. */
    public record Claim(Kind kind, long length) {
    }

    /** A 32-bit float (MessagePack and CBOR; JSON writes it as a double). */
    public record Float32(float value) {
    }

    /** Text written into JSON as it is (NaN, Infinity, 1e999); written as a string elsewhere. */
    public record JsonLiteral(String text) {
    }

    /** JavaScript's undefined: MessagePack extension type 0, CBOR simple value 23, JSON null. */
    public enum Undefined { VALUE }

    public enum Kind { ARRAY, MAP, STRING, BINARY, EXTENSION }

    private HostileWire() {
    }

    public static byte[] encode(String format, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case "json" -> json(out, value);
            case "msgpack" -> msgpack(out, value);
            case "cbor" -> cbor(out, value);
            default -> throw new IllegalArgumentException(format);
        }
        return out.toByteArray();
    }

    // ---- JSON

    private static void json(ByteArrayOutputStream out, Object value) {
        if (value == null || value == Undefined.VALUE) {
            ascii(out, "null");
        }
        else if (value instanceof String s) {
            jsonString(out, s);
        }
        else if (value instanceof RawString raw) {
            out.write('"');
            out.writeBytes(raw.utf8());
            out.write('"');
        }
        else if (value instanceof byte[] bytes) {
            jsonString(out, '\u0000' + Base64.getEncoder().encodeToString(bytes));
        }
        else if (value instanceof Double d) {
            // Java prints NaN and Infinity as bare words: exactly the literals JSON forbids
            ascii(out, d.toString());
        }
        else if (value instanceof Float32 f) {
            ascii(out, Float.toString(f.value()));
        }
        else if (value instanceof Number || value instanceof Boolean) {
            ascii(out, value.toString());
        }
        else if (value instanceof JsonLiteral literal) {
            out.writeBytes(literal.text().getBytes(StandardCharsets.UTF_8));
        }
        else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                json(out, list.get(i));
            }
            out.write(']');
        }
        else if (value instanceof Map<?, ?> map) {
            json(out, new Entries((HostileWire.<Object, Object>entries(map))));
        }
        else if (value instanceof Entries entries) {
            out.write('{');
            boolean first = true;
            for (Map.Entry<Object, Object> entry : entries.entries()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                Object key = entry.getKey();
                json(out, key instanceof String || key instanceof RawString ? key : String.valueOf(key));
                out.write(':');
                json(out, entry.getValue());
            }
            out.write('}');
        }
        else if (value instanceof Tagged tagged) {
            json(out, tagged.value());
        }
        else if (value instanceof Indefinite indefinite) {
            json(out, indefinite.value());
        }
        else if (value instanceof Claim claim) {
            // JSON has no length headers: an opening that never closes
            ascii(out, claim.kind() == Kind.MAP ? "{" : claim.kind() == Kind.ARRAY ? "[" : "\"");
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    /** Escapes quotes, backslashes, controls and every UTF-16 unit outside ASCII, lone surrogates included. */
    private static void jsonString(ByteArrayOutputStream out, String s) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            }
            else if (c < 0x20 || c > 0x7e) {
                text.append(String.format("\\u%04x", (int) c));
            }
            else {
                text.append(c);
            }
        }
        ascii(out, text.append('"').toString());
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    @SuppressWarnings("unchecked")
    private static <K, V> List<Map.Entry<K, V>> entries(Map<?, ?> map) {
        List<Map.Entry<K, V>> entries = new java.util.ArrayList<>();
        map.forEach((key, value) -> entries.add(entry((K) key, (V) value)));
        return entries;
    }

    /** A map entry that, unlike {@link Map#entry}, may hold null. */
    public static <K, V> Map.Entry<K, V> entry(K key, V value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    // ---- MessagePack

    private static void msgpack(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(0xc0);
        }
        else if (value == Undefined.VALUE) {
            out.writeBytes(new byte[] {(byte) 0xd4, 0, 0});
        }
        else if (value instanceof Boolean b) {
            out.write(b ? 0xc3 : 0xc2);
        }
        else if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n >= 0 && n < 128 || n < 0 && n >= -32) {
                out.write((int) n & 0xff);
            }
            else {
                out.write(n >= 0 ? 0xcf : 0xd3);
                be(out, n, 8);
            }
        }
        else if (value instanceof BigInteger big) {
            if (big.signum() >= 0 && big.bitLength() <= 64) {
                out.write(0xcf);
                be(out, big.longValue(), 8);
            }
            else {
                // beyond MessagePack's integers: the closest a client could send is a float
                msgpack(out, big.doubleValue());
            }
        }
        else if (value instanceof Double d) {
            out.write(0xcb);
            be(out, Double.doubleToRawLongBits(d), 8);
        }
        else if (value instanceof Float32 f) {
            out.write(0xca);
            be(out, Float.floatToRawIntBits(f.value()), 4);
        }
        else if (value instanceof String s) {
            msgpackBytes(out, 0xdb, s.getBytes(StandardCharsets.UTF_8));
        }
        else if (value instanceof RawString raw) {
            msgpackBytes(out, 0xdb, raw.utf8());
        }
        else if (value instanceof JsonLiteral literal) {
            msgpack(out, literal.text());
        }
        else if (value instanceof byte[] bytes) {
            msgpackBytes(out, 0xc6, bytes);
        }
        else if (value instanceof List<?> list) {
            out.write(0xdd);
            be(out, list.size(), 4);
            list.forEach(element -> msgpack(out, element));
        }
        else if (value instanceof Map<?, ?> map) {
            msgpack(out, new Entries((HostileWire.<Object, Object>entries(map))));
        }
        else if (value instanceof Entries entries) {
            out.write(0xdf);
            be(out, entries.entries().size(), 4);
            for (Map.Entry<Object, Object> entry : entries.entries()) {
                msgpack(out, entry.getKey());
                msgpack(out, entry.getValue());
            }
        }
        else if (value instanceof Tagged tagged) {
            msgpack(out, tagged.value());
        }
        else if (value instanceof Indefinite indefinite) {
            msgpack(out, indefinite.value());
        }
        else if (value instanceof Claim claim) {
            int header = switch (claim.kind()) {
                case ARRAY -> 0xdd;
                case MAP -> 0xdf;
                case STRING -> 0xdb;
                case BINARY -> 0xc6;
                case EXTENSION -> 0xc9;
            };
            out.write(header);
            be(out, claim.length(), 4);
            if (claim.kind() == Kind.EXTENSION) {
                out.write(1);
            }
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static void msgpackBytes(ByteArrayOutputStream out, int header, byte[] bytes) {
        out.write(header);
        be(out, bytes.length, 4);
        out.writeBytes(bytes);
    }

    // ---- CBOR

    private static void cbor(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(0xf6);
        }
        else if (value == Undefined.VALUE) {
            out.write(0xf7);
        }
        else if (value instanceof Boolean b) {
            out.write(b ? 0xf5 : 0xf4);
        }
        else if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n >= 0) {
                head(out, 0, n);
            }
            else {
                head(out, 1, -1 - n);
            }
        }
        else if (value instanceof BigInteger big) {
            if (big.signum() >= 0 && big.bitLength() <= 64) {
                head(out, 0, big.longValue());
            }
            else if (big.signum() < 0 && big.negate().subtract(BigInteger.ONE).bitLength() <= 64) {
                head(out, 1, big.negate().subtract(BigInteger.ONE).longValue());
            }
            else {
                // bignum tags 2 and 3 around the magnitude's bytes
                BigInteger magnitude = big.signum() >= 0 ? big : big.negate().subtract(BigInteger.ONE);
                head(out, 6, big.signum() >= 0 ? 2 : 3);
                byte[] bytes = magnitude.toByteArray();
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            }
        }
        else if (value instanceof Double d) {
            out.write(0xfb);
            be(out, Double.doubleToRawLongBits(d), 8);
        }
        else if (value instanceof Float32 f) {
            out.write(0xfa);
            be(out, Float.floatToRawIntBits(f.value()), 4);
        }
        else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            head(out, 3, utf8.length);
            out.writeBytes(utf8);
        }
        else if (value instanceof RawString raw) {
            head(out, 3, raw.utf8().length);
            out.writeBytes(raw.utf8());
        }
        else if (value instanceof JsonLiteral literal) {
            cbor(out, literal.text());
        }
        else if (value instanceof byte[] bytes) {
            head(out, 2, bytes.length);
            out.writeBytes(bytes);
        }
        else if (value instanceof List<?> list) {
            head(out, 4, list.size());
            list.forEach(element -> cbor(out, element));
        }
        else if (value instanceof Map<?, ?> map) {
            cbor(out, new Entries((HostileWire.<Object, Object>entries(map))));
        }
        else if (value instanceof Entries entries) {
            head(out, 5, entries.entries().size());
            for (Map.Entry<Object, Object> entry : entries.entries()) {
                cbor(out, entry.getKey());
                cbor(out, entry.getValue());
            }
        }
        else if (value instanceof Tagged tagged) {
            head(out, 6, tagged.tag());
            cbor(out, tagged.value());
        }
        else if (value instanceof Indefinite indefinite) {
            cborIndefinite(out, indefinite.value());
        }
        else if (value instanceof Claim claim) {
            int major = switch (claim.kind()) {
                case ARRAY -> 4;
                case MAP -> 5;
                case STRING, EXTENSION -> 3;
                case BINARY -> 2;
            };
            head(out, major, claim.length());
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static void cborIndefinite(ByteArrayOutputStream out, Object value) {
        if (value instanceof List<?> list) {
            out.write(0x9f);
            list.forEach(element -> cbor(out, element));
            out.write(0xff);
        }
        else if (value instanceof Map<?, ?> || value instanceof Entries) {
            Entries entries = value instanceof Entries e ? e
                    : new Entries((HostileWire.<Object, Object>entries((Map<?, ?>) value)));
            out.write(0xbf);
            for (Map.Entry<Object, Object> entry : entries.entries()) {
                cbor(out, entry.getKey());
                cbor(out, entry.getValue());
            }
            out.write(0xff);
        }
        else if (value instanceof String s) {
            // two chunks, split at a character boundary
            out.write(0x7f);
            int half = s.offsetByCodePoints(0, s.codePointCount(0, s.length()) / 2);
            cbor(out, s.substring(0, half));
            cbor(out, s.substring(half));
            out.write(0xff);
        }
        else if (value instanceof byte[] bytes) {
            out.write(0x5f);
            int half = bytes.length / 2;
            cbor(out, java.util.Arrays.copyOfRange(bytes, 0, half));
            cbor(out, java.util.Arrays.copyOfRange(bytes, half, bytes.length));
            out.write(0xff);
        }
        else {
            cbor(out, value);
        }
    }

    /** A CBOR head: major type and argument, in the shortest form. */
    private static void head(ByteArrayOutputStream out, int major, long argument) {
        int type = major << 5;
        if (argument >= 0 && argument < 24) {
            out.write(type | (int) argument);
        }
        else if (argument >= 0 && argument < 0x100) {
            out.write(type | 24);
            out.write((int) argument);
        }
        else if (argument >= 0 && argument < 0x10000) {
            out.write(type | 25);
            be(out, argument, 2);
        }
        else if (argument >= 0 && argument < 0x100000000L) {
            out.write(type | 26);
            be(out, argument, 4);
        }
        else {
            // 8 bytes, read unsigned: a negative long stands for an argument of 2^63 and more
            out.write(type | 27);
            be(out, argument, 8);
        }
    }

    private static void be(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
