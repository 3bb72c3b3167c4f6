package io.wampspring.spring.binding;

import org.springframework.core.MethodParameter;

/**
 * Injects the invocation's context: a {@link WampCallContext} into procedure methods, a {@link WampEventContext}
 * into topic methods, and {@link WampInvocationContext} into either.
 */
final class ContextArgumentResolver implements WampArgumentResolver {

    private final Class<? extends WampInvocationContext> contextType;

    ContextArgumentResolver(Class<? extends WampInvocationContext> contextType) {
        this.contextType = contextType;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        // Object stays a payload value: a method taking "anything" wants the argument, not the context
        return type != Object.class && type.isAssignableFrom(contextType);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
        return contextType.cast(context);
    }
}
