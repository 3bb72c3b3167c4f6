package io.wampspring.router.serialization;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The value model: what the values inside a message (options, details, args, kwargs) may be, and how every
 * serializer writes them. JSON, MessagePack and CBOR classify a value here and then only differ in how their format
 * spells the kind, so a value is written the same way, or refused the same way, whatever the peer's serializer.
 *
 * <table>
 * <caption>Java values and how they travel</caption>
 * <tr><th>Java value</th><th>written as</th><th>a decoder reads back</th></tr>
 * <tr><td>null</td><td>null / nil</td><td>null</td></tr>
 * <tr><td>Boolean</td><td>boolean</td><td>Boolean</td></tr>
 * <tr><td>Long, Integer, Short, Byte; BigInteger within a long</td><td>integer</td><td>Long</td></tr>
 * <tr><td>BigInteger in [2^63, 2^64-1]</td><td>unsigned 64-bit integer</td><td>BigInteger</td></tr>
 * <tr><td>other BigInteger</td><td>JSON digits, CBOR bignum; MessagePack cannot hold it and refuses it</td>
 *     <td>BigInteger</td></tr>
 * <tr><td>Double, Float</td><td>64-bit float (JSON has no NaN or infinity: Jackson writes them as strings)</td>
 *     <td>Double</td></tr>
 * <tr><td>BigDecimal within a double's range</td><td>64-bit float, rounded</td><td>Double</td></tr>
 * <tr><td>String</td><td>string (with an unpaired surrogate: refused by all; starting with NUL: refused by JSON,
 *     whose peers read it as binary)</td><td>String</td></tr>
 * <tr><td>byte[]</td><td>binary (JSON: {@code "\u0000"} + base64)</td><td>byte[]</td></tr>
 * <tr><td>any Collection</td><td>array, in iteration order</td><td>List</td></tr>
 * <tr><td>Map with String keys</td><td>dict</td><td>Map</td></tr>
 * </table>
 *
 * Anything else (enums, characters, arrays other than byte[], dates, atomics, beans, maps with other keys) is refused
 * with {@link UnserializableValueException} naming its type: converting it is the application's business (the
 * Spring binding does it with Jackson), and a writer that guessed would guess differently per format.
 *
 * <p>BigDecimal is written as a double because that is all it can be on arrival: MessagePack has no decimal type,
 * few WAMP clients read CBOR's decimal fractions, and JSON decoders (this router's and JavaScript's) read a
 * fraction as a double. Exact digits in one format only would make a value depend on who receives it.
 */
public final class PayloadValues {

    /** How a value is written; each serializer switches on this instead of testing types itself. */
    enum Kind {
        NULL, BOOLEAN,
        /** Any {@link Number} whose {@code longValue()} is exact. */
        INTEGER,
        /** A BigInteger in [2^63, 2^64-1]: the top of the unsigned 64-bit range. */
        UNSIGNED_64,
        /** A BigInteger beyond 64 bits, which only JSON and CBOR can carry. */
        BIG_INTEGER,
        /** Any {@link Number} written as its {@code doubleValue()}. */
        FLOAT,
        STRING, BINARY,
        /** A String with an unpaired surrogate: no UTF-8 encoding exists, so every serializer refuses it. */
        NOT_UNICODE,
        /** A {@link Collection}. */
        ARRAY,
        /** A {@link Map}; its keys go through {@link #key}. */
        DICT
    }

    private PayloadValues() {
    }

    /** The kind of a value; fails with {@link UnserializableValueException} for a value outside the model. */
    static Kind kindOf(@Nullable Object value) {
        // the common kinds first: this runs for every value of every message sent
        if (value == null) {
            return Kind.NULL;
        }
        if (value instanceof String text) {
            return unicode(text) ? Kind.STRING : Kind.NOT_UNICODE;
        }
        if (value instanceof Long || value instanceof Integer) {
            return Kind.INTEGER;
        }
        if (value instanceof Map<?, ?>) {
            return Kind.DICT;
        }
        if (value instanceof Collection<?>) {
            return Kind.ARRAY;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (value instanceof Double || value instanceof Float) {
            return Kind.FLOAT;
        }
        if (value instanceof byte[]) {
            return Kind.BINARY;
        }
        if (value instanceof Short || value instanceof Byte) {
            return Kind.INTEGER;
        }
        if (value instanceof BigInteger big) {
            return kindOf(big);
        }
        if (value instanceof BigDecimal decimal) {
            if (Double.isInfinite(decimal.doubleValue())) {
                throw unserializable(value, "beyond the range of a double: " + decimal);
            }
            return Kind.FLOAT;
        }
        throw unserializable(value, null);
    }

    private static Kind kindOf(BigInteger big) {
        if (big.bitLength() < Long.SIZE) {
            return Kind.INTEGER;
        }
        return big.signum() > 0 && big.bitLength() == Long.SIZE ? Kind.UNSIGNED_64 : Kind.BIG_INTEGER;
    }

    /** A dict key as written; only strings are keys in WAMP. */
    static String key(@Nullable Object key) {
        if (key instanceof String name) {
            if (!unicode(name)) {
                throw new UnserializableValueException("cannot serialize a dictionary key with an unpaired surrogate");
            }
            return name;
        }
        throw new UnserializableValueException("cannot serialize a dictionary key "
                + (key == null ? "null" : "of type " + key.getClass().getName()) + "; keys must be strings");
    }

    /**
     * Whether a string is valid Unicode: every surrogate paired. A lone surrogate (JSON can spell one as
     * {@code "\ud800"}) has no UTF-8 form: Jackson's CBOR writer fails on it and msgpack-core writes {@code ?}.
     */
    static boolean unicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** The failure for a string that is not valid Unicode. */
    static UnserializableValueException notUnicode() {
        return new UnserializableValueException("cannot serialize a string with an unpaired surrogate: "
                + "it is not valid Unicode and has no UTF-8 form");
    }

    /** The failure for a value the model allows but a format cannot hold, such as a 70-bit integer in MessagePack. */
    static UnserializableValueException beyondFormat(Object value, String format) {
        return unserializable(value, "in " + format + ": " + value);
    }

    private static UnserializableValueException unserializable(Object value, @Nullable String detail) {
        return new UnserializableValueException("cannot serialize a value of type " + value.getClass().getName()
                + (detail == null ? "" : " " + detail));
    }
}
