package io.wampspring.autoconfigure;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.wampspring.router.auth.SecretMatcher;
import io.wampspring.router.auth.TicketVerifier;
import io.wampspring.spring.security.AuthenticationManagerTicketVerifier;
import io.wampspring.spring.security.PasswordEncoderSecretMatcher;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.ClassUtils;

/**
 * What the ticket method takes from Spring Security when it is on the classpath: hashed tickets
 * ({@code {bcrypt}...}) through its password encoders, and ticket checks by the application's
 * {@code AuthenticationManager}. Imported by {@link WampAutoConfiguration}; each part loads only with its classes.
 */
final class WampSpringSecurityCredentialsConfiguration {

    private WampSpringSecurityCredentialsConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PasswordEncoder.class)
    static final class PasswordEncoders {

        @Bean
        @ConditionalOnMissingBean
        SecretMatcher wampSecretMatcher() {
            return new PasswordEncoderSecretMatcher();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AuthenticationManager.class)
    static final class AuthenticationManagers {

        private static final String AUTHENTICATION_CONFIGURATION = "org.springframework.security.config.annotation"
                + ".authentication.configuration.AuthenticationConfiguration";

        @Bean
        @ConditionalOnMissingBean
        WampAuthenticationManagerTickets wampAuthenticationManagerTickets(ListableBeanFactory beans,
                @Qualifier(WampAutoConfiguration.APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> executor) {
            return new WampAuthenticationManagerTickets() {
                @Override
                public boolean available() {
                    return has(beans, AuthenticationManager.class.getName())
                            || has(beans, AUTHENTICATION_CONFIGURATION);
                }

                @Override
                public TicketVerifier verifier(@Nullable String defaultRole) {
                    // without a task executor (not a Boot application) the check runs where the AUTHENTICATE came in
                    return new AuthenticationManagerTicketVerifier(authenticationManager(beans),
                            executor.getIfAvailable(() -> Runnable::run), defaultRole);
                }
            };
        }

        /** The application's AuthenticationManager bean, else the one Spring Security's configuration builds. */
        private static Supplier<AuthenticationManager> authenticationManager(ListableBeanFactory beans) {
            return () -> {
                AuthenticationManager bean = beans.getBeanProvider(AuthenticationManager.class).getIfUnique();
                if (bean != null) {
                    return bean;
                }
                return BuiltAuthenticationManager.of(beans);
            };
        }

        private static boolean has(ListableBeanFactory beans, String type) {
            if (!ClassUtils.isPresent(type, AuthenticationManagers.class.getClassLoader())) {
                return false;
            }
            Class<?> resolved = ClassUtils.resolveClassName(type, AuthenticationManagers.class.getClassLoader());
            return BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beans, resolved, true, false).length > 0;
        }
    }
}
