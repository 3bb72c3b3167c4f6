package io.wampspring.router.serialization;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The serializers this router speaks, in the order it prefers them. */
public final class Serializers {

    public static final JsonSerializer JSON = new JsonSerializer();
    public static final MsgPackSerializer MSGPACK = new MsgPackSerializer();
    public static final CborSerializer CBOR = new CborSerializer();

    private static final List<WampSerializer> ALL = List.of(JSON, MSGPACK, CBOR);

    private Serializers() {
    }

    public static List<WampSerializer> all() {
        return ALL;
    }

    /** The serializer with this short name ({@code json}, {@code msgpack}, {@code cbor}), or null. */
    public static @Nullable WampSerializer byName(String name) {
        for (WampSerializer serializer : ALL) {
            if (serializer.name().equalsIgnoreCase(name)) {
                return serializer;
            }
        }
        return null;
    }
}
