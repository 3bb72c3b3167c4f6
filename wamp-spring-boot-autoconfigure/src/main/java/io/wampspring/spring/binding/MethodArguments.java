package io.wampspring.spring.binding;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * The resolvers chosen for each parameter of one method, by {@link WampArgumentResolverComposite}; resolves the
 * method's arguments per invocation without asking any resolver again whether it applies. Thread-safe.
 */
public final class MethodArguments {

    private final Method method;
    private final MethodParameter[] parameters;
    private final WampArgumentResolver[] resolvers;
    private final PayloadArgumentResolver payload;

    MethodArguments(Method method, MethodParameter[] parameters, WampArgumentResolver[] resolvers,
            PayloadArgumentResolver payload) {
        this.method = method;
        this.parameters = parameters;
        this.resolvers = resolvers;
        this.payload = payload;
    }

    /**
     * The method's arguments for one invocation. A payload that does not fit fails with
     * {@code wamp.error.invalid_argument}; a resolver's own exception propagates.
     */
    public @Nullable Object[] resolve(WampInvocationContext context) throws Exception {
        payload.checkPositionalCount(context);
        @Nullable Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = resolvers[i].resolveArgument(parameters[i], context);
        }
        return values;
    }

    /** The resolver that fills the parameter at this index. */
    public WampArgumentResolver resolverOf(int parameterIndex) {
        return resolvers[parameterIndex];
    }

    @Override
    public String toString() {
        return "arguments of " + method.toGenericString();
    }
}
