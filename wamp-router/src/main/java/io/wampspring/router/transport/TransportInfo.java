package io.wampspring.router.transport;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * Facts about one connection, for authentication, the meta API and logs.
 *
 * @param type the transport kind, such as {@code websocket}
 * @param serializer the negotiated serializer's name
 * @param remoteAddress the peer's address, when known
 * @param principal the principal the HTTP handshake authenticated, when there is one
 */
public record TransportInfo(String type, String serializer, @Nullable InetSocketAddress remoteAddress,
        @Nullable Principal principal) {

    public static TransportInfo local() {
        return new TransportInfo("local", "none", null, null);
    }
}
