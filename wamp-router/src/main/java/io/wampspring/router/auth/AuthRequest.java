package io.wampspring.router.auth;

import java.util.Map;

import io.wampspring.router.transport.TransportInfo;
import org.jspecify.annotations.Nullable;

/**
 * A client's request to join a realm, as its HELLO stated it.
 *
 * @param sessionId the id the session will have if it is welcomed (challenges such as WAMP-CRA include it)
 * @param realm the realm asked for
 * @param authid the {@code authid} of HELLO.Details, if any
 * @param helloDetails all of HELLO.Details ({@code authextra} among them)
 * @param transport the connection the HELLO came on
 */
public record AuthRequest(long sessionId, String realm, @Nullable String authid, Map<String, Object> helloDetails,
        TransportInfo transport) {
}
