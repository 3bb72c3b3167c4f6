package io.wampspring.router.transport;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Facts about one connection, for authentication, the meta API and logs.
 *
 * @param type the transport kind, such as {@code websocket}
 * @param serializer the negotiated serializer's name
 * @param remoteAddress the peer's address, when known
 * @param principal the principal the HTTP handshake authenticated, when there is one; a {@link TransportPrincipal}
 *        when the transport could tell its authorities
 */
public record TransportInfo(String type, String serializer, @Nullable InetSocketAddress remoteAddress,
        @Nullable Principal principal) {

    public static TransportInfo local() {
        return new TransportInfo("local", "none", null, null);
    }

    /** The authenticated principal as the router reads it: its name, and its authorities when the transport knew them. */
    public @Nullable TransportPrincipal authenticatedPrincipal() {
        if (principal instanceof TransportPrincipal known) {
            return known;
        }
        if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
            return null;
        }
        return new TransportPrincipal(principal.getName(), List.of(), type);
    }

    /** The connection as the meta API and a dynamic authenticator describe it: type, serializer and peer address. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", type);
        details.put("serializer", serializer);
        if (remoteAddress != null) {
            details.put("peer", remoteAddress.getHostString() + ":" + remoteAddress.getPort());
        }
        return details;
    }
}
