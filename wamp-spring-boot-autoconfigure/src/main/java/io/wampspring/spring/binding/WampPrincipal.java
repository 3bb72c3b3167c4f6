package io.wampspring.spring.binding;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * The identity of the session that made a call or published an event, as the router disclosed it: a
 * {@link Principal} whose name is the authid. A {@code Principal} (or {@code WampPrincipal}, or an {@code Optional} of
 * either) parameter of a {@code @WampProcedure} or {@code @WampTopic} method gets it; it is null (or empty) when the
 * caller or publisher was not disclosed (see {@link WampCaller}), so a method that relies on it must ask for
 * disclosure ({@code discloseCaller = true}, or a realm with {@code caller-disclosure: always}).
 *
 * @param sessionId the calling or publishing session's id
 * @param authid its authid
 * @param authrole its authrole, when disclosed
 */
public record WampPrincipal(long sessionId, String authid, @Nullable String authrole) implements Principal {

    @Override
    public String getName() {
        return authid;
    }

    /** The caller of a call or the publisher of an event, or null when the router did not disclose its authid. */
    public static @Nullable WampPrincipal of(WampInvocationContext context) {
        String prefix = context instanceof WampCallContext ? "caller" : "publisher";
        Object session = context.details().get(prefix);
        Object authid = context.details().get(prefix + "_authid");
        if (!(session instanceof Number id) || !(authid instanceof String name)) {
            return null;
        }
        return new WampPrincipal(id.longValue(), name,
                context.details().get(prefix + "_authrole") instanceof String role ? role : null);
    }
}
