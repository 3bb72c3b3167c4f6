package io.wampspring.spring.binding;

import java.util.List;
import java.util.Map;

/**
 * What an annotated method is being invoked for: a call ({@link WampCallContext}) or an event
 * ({@link WampEventContext}). {@link WampArgumentResolver}s receive it to resolve parameters from; declare a
 * parameter of this type to get it, whatever the method serves.
 */
public sealed interface WampInvocationContext permits WampCallContext, WampEventContext {

    /** The positional arguments as received; empty when there were none. */
    List<Object> args();

    /** The keyword arguments as received; empty when there were none. */
    Map<String, Object> kwargs();

    /** INVOCATION.Details or EVENT.Details as the router sent them. */
    Map<String, Object> details();
}
