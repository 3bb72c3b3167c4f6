package io.wampspring.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/**
 * The AuthenticationManager Spring Security's {@link AuthenticationConfiguration} builds (from the application's
 * {@code UserDetailsService} and {@code PasswordEncoder}) when the application defines none as a bean. A class of its
 * own so that spring-security-config is loaded only when used.
 */
final class BuiltAuthenticationManager {

    private BuiltAuthenticationManager() {
    }

    static AuthenticationManager of(ListableBeanFactory beans) {
        try {
            AuthenticationManager built = beans.getBean(AuthenticationConfiguration.class).getAuthenticationManager();
            if (built == null) {
                throw new IllegalStateException("Spring Security's AuthenticationConfiguration built no "
                        + "AuthenticationManager: define an AuthenticationManager or a UserDetailsService bean");
            }
            return built;
        }
        catch (Exception ex) {
            throw new IllegalStateException("no AuthenticationManager to check WAMP tickets with", ex);
        }
    }
}
