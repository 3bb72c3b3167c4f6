package io.wampspring.spring.binding;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * Resolves one kind of parameter of {@code @WampProcedure} and {@code @WampTopic} methods: the call or event context,
 * the caller, the payload's values, or a type of the application's own. Declare a bean of this type to add one;
 * application resolvers are asked before the built-in ones, in {@link org.springframework.core.annotation.Order}
 * order, and the first that supports a parameter resolves it for good.
 * <p>
 * A parameter a resolver other than the payload's claims takes no argument's place: positional {@code args} fill
 * only the remaining parameters.
 */
public interface WampArgumentResolver {

    /**
     * Whether this resolver fills the parameter. Asked once per parameter when the method is registered or
     * subscribed, never per invocation, so it may be as slow as reflection needs.
     */
    boolean supportsParameter(MethodParameter parameter);

    /**
     * The parameter's value for one invocation; called only for parameters {@link #supportsParameter supported}. A
     * {@link io.wampspring.router.client.WampException} reaches the caller as is; any other exception becomes
     * {@code wamp.error.runtime_error} for a call and a logged failure for an event.
     */
    @Nullable Object resolveArgument(MethodParameter parameter, WampInvocationContext context) throws Exception;
}
