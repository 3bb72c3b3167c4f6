package io.wampspring.autoconfigure;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.security.AuthenticationArgumentResolver;
import io.wampspring.spring.security.SpringSecurityPrincipalConverter;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;

/**
 * Spring Security for WAMP, when it is on the classpath: the WebSocket handshake's {@link Authentication} reaches the
 * router with its authorities (for the {@code http} authentication method), and annotated methods can take an
 * {@link Authentication} parameter (the disclosed caller or publisher).
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass(Authentication.class)
@ConditionalOnBean(WampRouter.class)
@ConditionalOnBooleanProperty(name = "wamp.enabled", matchIfMissing = true)
public final class WampSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HandshakePrincipalConverter wampHandshakePrincipalConverter(ApplicationContext context) {
        // a principal that is no Authentication is named after the stack that authenticated it
        return new SpringSecurityPrincipalConverter(context instanceof ReactiveWebApplicationContext
                ? HandshakePrincipalConverter.nameOnly("webflux") : HandshakePrincipalConverter.NAME_ONLY);
    }

    /** After the application's own resolvers, which may claim Authentication parameters themselves. */
    @Bean
    @ConditionalOnMissingBean
    @Order(Ordered.LOWEST_PRECEDENCE)
    AuthenticationArgumentResolver wampAuthenticationArgumentResolver() {
        return new AuthenticationArgumentResolver();
    }
}
