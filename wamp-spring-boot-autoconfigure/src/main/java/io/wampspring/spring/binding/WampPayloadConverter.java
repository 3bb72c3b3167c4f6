package io.wampspring.spring.binding;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import io.wampspring.router.serialization.PayloadValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between the plain values a WAMP payload holds (the value model of {@link PayloadValues}: maps, lists,
 * strings, numbers, booleans, byte[]) and typed Java values, with the application's Jackson {@link JsonMapper}: the
 * same modules and naming the application uses for JSON over HTTP apply to WAMP arguments.
 */
public final class WampPayloadConverter {

    private final JsonMapper mapper;

    public WampPayloadConverter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JavaType javaType(Type type) {
        return mapper.constructType(type);
    }

    /** A payload value as {@code type}; fails with {@code wamp.error.invalid_argument} when it does not fit. */
    public @Nullable Object fromPayload(@Nullable Object value, JavaType type, String what) {
        if (value == null) {
            return null;
        }
        if (type.getRawClass().isInstance(value) && !type.isContainerType()) {
            return value;
        }
        try {
            return mapper.convertValue(value, type);
        }
        catch (JacksonException | IllegalArgumentException ex) {
            throw new WampException(WampUris.INVALID_ARGUMENT,
                    List.of(what + " cannot be read as " + type.toCanonical() + ": " + rootMessage(ex)), null);
        }
    }

    /**
     * A Java value as values of the router's value model ({@link PayloadValues}), which every serializer writes.
     * Model values pass as they are, widened as a decoded frame has them, so that in-process peers see the same
     * types as remote ones; collections and maps with String keys are converted element by element; everything
     * else (atomics, BigDecimal, enums, dates, Optional, arrays, records, beans, maps with other keys) goes through
     * Jackson's tree model, so the application's modules and naming apply as for JSON over HTTP.
     */
    public @Nullable Object toPayload(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double || value instanceof byte[] || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map && hasOnlyStringKeys(map)) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((key, element) -> plain.put((String) key, toPayload(element)));
            return plain;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> plain = new ArrayList<>(collection.size());
            collection.forEach(element -> plain.add(toPayload(element)));
            return plain;
        }
        return toPlain(mapper.valueToTree(value));
    }

    private static boolean hasOnlyStringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Object toPlain(tools.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, tools.jackson.databind.JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), toPlain(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (tools.jackson.databind.JsonNode element : node) {
                list.add(toPlain(element));
            }
            return list;
        }
        if (node.isBinary()) {
            return node.binaryValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isPojo()) {
            return String.valueOf(((tools.jackson.databind.node.POJONode) node).getPojo());
        }
        return node.asString();
    }

    private static String rootMessage(Exception ex) {
        return ex instanceof JacksonException jackson ? jackson.getOriginalMessage() : ex.getMessage();
    }
}
