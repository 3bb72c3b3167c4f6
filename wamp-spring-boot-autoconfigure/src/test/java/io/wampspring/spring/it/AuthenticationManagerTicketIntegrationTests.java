package io.wampspring.spring.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket authentication delegated to the application's Spring Security AuthenticationManager, over a real WebSocket:
 * authid and ticket are username and password, the first ROLE_ authority is the authrole.
 */
@Import(AuthenticationManagerTicketIntegrationTests.Users.class)
@TestPropertySource(properties = {
        "wamp.realms[0].name=realm1",
        "wamp.realms[1].name=secure",
        "wamp.realms[1].auth-methods=ticket",
        "wamp.realms[1].ticket.authentication-manager=true",
})
class AuthenticationManagerTicketIntegrationTests extends AbstractWampIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    static class Users {

        @Bean
        AuthenticationManager authenticationManager() {
            InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                    User.withUsername("erin").password("{noop}erin-password").roles("ADMIN", "USER").build(),
                    User.withUsername("frank").password("{noop}frank-password").authorities("SCOPE_read").build());
            return new ProviderManager(new DaoAuthenticationProvider(users));
        }
    }

    private WampMessage join(String authid, String ticket) {
        Map<String, Object> details = new HashMap<>(TestWampSession.helloDetails());
        details.put("authmethods", List.of("ticket"));
        details.put("authid", authid);
        return connect("json").authenticate("secure", details, challenge -> ticket);
    }

    @Test
    void theUsersPasswordIsTheTicketAndItsFirstRoleTheAuthrole() {
        WampMessage reply = join("erin", "erin-password");

        assertThat(reply).isInstanceOf(Welcome.class);
        assertThat(((Welcome) reply).details()).containsEntry("authid", "erin").containsEntry("authrole", "admin")
                .containsEntry("authmethod", "ticket").containsEntry("authprovider", "spring-security");
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAUserWithoutRoleAreRefused() {
        for (WampMessage reply : List.of(join("erin", "frank-password"), join("nobody", "erin-password"),
                join("frank", "frank-password"))) {
            assertThat(reply).isInstanceOf(Abort.class);
            assertThat(((Abort) reply).reason()).isEqualTo("wamp.error.authentication_failed");
        }
        assertRouterStillServes("json");
    }
}
