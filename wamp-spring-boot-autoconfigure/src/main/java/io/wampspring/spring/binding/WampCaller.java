package io.wampspring.spring.binding;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who made a call, as the dealer disclosed it (WAMP caller identification). Declare a parameter of this type, or
 * {@code Optional<WampCaller>}, on a {@code @WampProcedure} method to get it; it is {@code null} (or empty) when the
 * caller was not disclosed, so a method must not rely on it unless the registration asks for disclosure
 * ({@code discloseCaller = true}) and the router honours it.
 *
 * @param sessionId the caller's session id
 * @param authid the caller's authid, when the router disclosed it
 * @param authrole the caller's authrole, when the router disclosed it
 */
public record WampCaller(long sessionId, @Nullable String authid, @Nullable String authrole) {

    /** The caller named in INVOCATION.Details, or null when the details do not name one. */
    public static @Nullable WampCaller fromDetails(Map<String, Object> details) {
        if (!(details.get("caller") instanceof Number session)) {
            return null;
        }
        return new WampCaller(session.longValue(),
                details.get("caller_authid") instanceof String authid ? authid : null,
                details.get("caller_authrole") instanceof String authrole ? authrole : null);
    }
}
