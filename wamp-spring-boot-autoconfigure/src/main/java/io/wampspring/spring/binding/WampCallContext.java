package io.wampspring.spring.binding;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code @WampProcedure} method may know about the call it serves; declare a parameter of this type to get
 * it. It never takes an argument's place.
 *
 * @param procedure the procedure URI that was called (for a pattern registration, the actual URI)
 * @param registrationId the router's registration id
 * @param details INVOCATION.Details as the dealer sent them
 * @param args the positional arguments as received
 * @param kwargs the keyword arguments as received
 * @param registeredProcedure the URI or pattern the method registered
 * @param control progressive results and cancellation of this call
 */
public record WampCallContext(String procedure, long registrationId, Map<String, Object> details, List<Object> args,
        Map<String, Object> kwargs, String registeredProcedure, WampCallControl control)
        implements WampInvocationContext {

    /** A context for an exact registration, without progress or cancellation. */
    public WampCallContext(String procedure, long registrationId, Map<String, Object> details, List<Object> args,
            Map<String, Object> kwargs) {
        this(procedure, registrationId, details, args, kwargs, procedure, WampCallControl.NONE);
    }

    /** Whether the caller canceled the call (or it timed out); a long-running method may stop early. */
    public boolean isCanceled() {
        return control.cancelMode() != null;
    }

    /** Whether the caller asked for progressive results. */
    public boolean receivesProgress() {
        return control.receivesProgress();
    }

    /** The caller, when the dealer disclosed it; a {@link WampCaller} parameter gives the same. */
    public @Nullable WampCaller caller() {
        return WampCaller.fromDetails(details);
    }

    /** The caller's session id, when the caller disclosed it. */
    public @Nullable Long callerSessionId() {
        return details.get("caller") instanceof Number caller ? caller.longValue() : null;
    }

    /** The caller's authid, when disclosed. */
    public @Nullable String callerAuthid() {
        return details.get("caller_authid") instanceof String authid ? authid : null;
    }

    /** The caller's authrole, when disclosed. */
    public @Nullable String callerAuthrole() {
        return details.get("caller_authrole") instanceof String authrole ? authrole : null;
    }
}
