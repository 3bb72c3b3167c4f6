package io.wampspring.spring.binding;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * Injects the disclosed caller into {@code WampCaller} and {@code Optional<WampCaller>} parameters of procedure
 * methods: null, or empty, when the dealer did not disclose the caller.
 */
final class CallerArgumentResolver implements WampArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.nestedIfOptional().getNestedParameterType() == WampCaller.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
        WampCaller caller = context instanceof WampCallContext call ? call.caller() : null;
        return parameter.getParameterType() == Optional.class ? Optional.ofNullable(caller) : caller;
    }
}
