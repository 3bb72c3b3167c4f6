package io.wampspring.spring.security;

import java.util.Optional;

import io.wampspring.spring.binding.WampArgumentResolver;
import io.wampspring.spring.binding.WampInvocationContext;
import io.wampspring.spring.binding.WampPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.core.MethodParameter;

/**
 * Injects the disclosed caller or publisher into Spring Security {@link Authentication} (and
 * {@link WampAuthenticationToken}) parameters, and their {@code Optional}s, as a {@link WampAuthenticationToken}: null,
 * or empty, when the router did not disclose who it is. Never the {@link SecurityContextHolder}'s authentication: an
 * annotated method runs for a WAMP session, not for the HTTP request of some thread.
 */
public final class AuthenticationArgumentResolver implements WampArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        return type == Authentication.class || type == WampAuthenticationToken.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
        WampPrincipal principal = WampPrincipal.of(context);
        Authentication authentication = principal != null ? new WampAuthenticationToken(principal) : null;
        return parameter.getParameterType() == Optional.class ? Optional.ofNullable(authentication) : authentication;
    }
}
