package io.wampspring.rawsocket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;

/**
 * How the RawSocket server listens and what it accepts.
 *
 * @param address the address to bind, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the TCP port; 0 picks a free one
 * @param maxLengthExponent the router's receive limit announced in its handshake reply: {@code 2^(9+n)} octets;
 *        a longer message from a client fails its connection
 * @param minClientLengthExponent clients that announce a smaller receive limit are refused (error 2)
 * @param maxConnections open connections beyond which new clients are refused (error 4)
 * @param handshakeTimeout how long a client may take to send its four handshake octets
 * @param serializers the serializers offered (json, msgpack, cbor)
 * @param ioThreads Netty event loop threads for connections; 0 takes Netty's default (twice the processors)
 * @param tls TLS on every connection ({@code rss://}); null for plain TCP
 */
public record RawSocketConfig(String address, int port, int maxLengthExponent, int minClientLengthExponent,
        int maxConnections, Duration handshakeTimeout, List<WampSerializer> serializers, int ioThreads,
        @Nullable RawSocketTls tls) {

    public RawSocketConfig {
        RawSocketHandshake.lengthOf(maxLengthExponent);
        RawSocketHandshake.lengthOf(minClientLengthExponent);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        serializers = List.copyOf(serializers);
        for (WampSerializer serializer : serializers) {
            if (RawSocketHandshake.idOf(serializer) == null) {
                throw new IllegalArgumentException("RawSocket has no serializer id for " + serializer.name());
            }
        }
        if (serializers.isEmpty()) {
            throw new IllegalArgumentException("RawSocket needs at least one serializer");
        }
    }

    /** Loopback, a free port, 16 MiB limit, the given serializers. */
    public static RawSocketConfig loopback(List<WampSerializer> serializers) {
        return new RawSocketConfig("127.0.0.1", 0, RawSocketHandshake.MAX_EXPONENT, 0, 8192, Duration.ofSeconds(10),
                serializers, 0, null);
    }

    public int maxLength() {
        return RawSocketHandshake.lengthOf(maxLengthExponent);
    }

    RawSocketHandshake handshake() {
        Map<Integer, WampSerializer> byId = new LinkedHashMap<>();
        for (WampSerializer serializer : serializers) {
            byId.put(RawSocketHandshake.idOf(serializer), serializer);
        }
        return new RawSocketHandshake(byId, minClientLengthExponent);
    }

    public RawSocketConfig withMaxLengthExponent(int exponent) {
        return new RawSocketConfig(address, port, exponent, minClientLengthExponent, maxConnections, handshakeTimeout,
                serializers, ioThreads, tls);
    }

    public RawSocketConfig withMinClientLengthExponent(int exponent) {
        return new RawSocketConfig(address, port, maxLengthExponent, exponent, maxConnections, handshakeTimeout,
                serializers, ioThreads, tls);
    }

    public RawSocketConfig withMaxConnections(int connections) {
        return new RawSocketConfig(address, port, maxLengthExponent, minClientLengthExponent, connections,
                handshakeTimeout, serializers, ioThreads, tls);
    }

    public RawSocketConfig withTls(@Nullable RawSocketTls settings) {
        return new RawSocketConfig(address, port, maxLengthExponent, minClientLengthExponent, maxConnections,
                handshakeTimeout, serializers, ioThreads, settings);
    }

    public RawSocketConfig withHandshakeTimeout(Duration timeout) {
        return new RawSocketConfig(address, port, maxLengthExponent, minClientLengthExponent, maxConnections, timeout,
                serializers, ioThreads, tls);
    }
}
