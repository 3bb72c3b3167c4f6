package io.wampspring.sample.interop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Payload values as the interop tests compare them. Every client library hands back its own Java or JSON types
 * (Integer or Long, byte[] or a tagged base64 object), so values are normalized before they are compared: integral
 * numbers become {@code Long}, other numbers {@code Double}, binaries {@link Bytes} (which has value equality), maps
 * {@code LinkedHashMap<String, Object>} and lists {@code ArrayList}. A float with an integral value up to 2^53 counts
 * as that integer (JavaScript clients cannot tell them apart); where the integer type itself matters, the tests
 * look at the raw values.
 */
final class Values {

    /** 2^53, the largest integer every serializer (and JavaScript) must carry exactly. */
    static final long MAX_SAFE = 1L << 53;

    private Values() {
    }

    /** A binary value with value equality; {@link #toString()} stays short for large values. */
    record Bytes(String base64) {

        static Bytes of(byte[] bytes) {
            return new Bytes(Base64.getEncoder().encodeToString(bytes));
        }

        byte[] toArray() {
            return Base64.getDecoder().decode(base64);
        }

        @Override
        public String toString() {
            byte[] bytes = toArray();
            return "bytes[" + bytes.length + "]" + (bytes.length <= 16 ? HexFormat.of().formatHex(bytes)
                    : " sha256=" + sha256(bytes));
        }
    }

    /** The value with the types above; {@code {"$bytes": b64}} (the node driver's binary) becomes {@link Bytes}. */
    static Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Bytes.of(bytes);
        }
        if (value instanceof Bytes) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Float || value instanceof Double) {
            double number = ((Number) value).doubleValue();
            // JavaScript has one number type: its MessagePack and CBOR encoders write integers they cannot
            // represent as (32-bit or safe) integers as float64, 2^53 included. Such a float is the same number.
            if (number == Math.rint(number) && Math.abs(number) <= MAX_SAFE && !(number == 0 && 1 / number < 0)) {
                return (long) number;
            }
            return number;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("$bytes") instanceof String base64) {
                return new Bytes(base64);
            }
            Map<String, Object> normalized = new LinkedHashMap<>();
            map.forEach((key, element) -> normalized.put(String.valueOf(key), normalize(element)));
            return normalized;
        }
        if (value instanceof List<?> list) {
            List<Object> normalized = new ArrayList<>(list.size());
            list.forEach(element -> normalized.add(normalize(element)));
            return normalized;
        }
        if (value instanceof Object[] array) {
            return normalize(Arrays.asList(array));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> normalizeList(Object value) {
        return value == null ? List.of() : (List<Object>) normalize(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalizeMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) normalize(value);
    }

    /** The value as the node driver reads it on stdin: binaries become {@code {"$bytes": b64}}. */
    static Object toDriver(Object value) {
        if (value instanceof byte[] bytes) {
            return Map.of("$bytes", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Bytes bytes) {
            return Map.of("$bytes", bytes.base64());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, element) -> converted.put(String.valueOf(key), toDriver(element)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(toDriver(element)));
            return converted;
        }
        return value;
    }

    /** Deterministic pseudo-random bytes. */
    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** Every byte value once, 0x00 to 0xFF: the bytes most likely to be mangled by a text encoding. */
    static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    static byte[] reversed(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A list that may hold nulls (List.of may not). */
    static List<Object> listOf(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A map that keeps order and may hold nulls, from key/value pairs. */
    static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
