package io.wampspring.spring.binding;

import java.security.Principal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * Injects the disclosed caller (of a procedure) or publisher (of an event) into {@link Principal} and
 * {@link WampPrincipal} parameters, and their {@code Optional}s: null, or empty, when it was not disclosed.
 */
final class PrincipalArgumentResolver implements WampArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        return type == Principal.class || type == WampPrincipal.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
        WampPrincipal principal = WampPrincipal.of(context);
        return parameter.getParameterType() == Optional.class ? Optional.ofNullable(principal) : principal;
    }
}
