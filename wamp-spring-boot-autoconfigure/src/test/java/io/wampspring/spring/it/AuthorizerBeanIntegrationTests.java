package io.wampspring.spring.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.router.WampUris;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's {@link Authorizer} bean decides for the clients of a realm without rules, behind a cache of at
 * most {@code wamp.authorization.cache.max-size} decisions: asked once per (authrole, authid, action, URI) while the
 * decision is held, asked again once it has been evicted, and never asked about the application's own role.
 */
@Import(AuthorizerBeanIntegrationTests.CountingAuthorizerConfiguration.class)
@TestPropertySource(properties = {"wamp.authorization.cache.max-size=2",
        "wamp.authorization.cache.time-to-live=1h"})
class AuthorizerBeanIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    CountingAuthorizer authorizer;

    @Test
    void theBeanIsAskedOncePerKeyWhileTheBoundedCacheHoldsTheDecision() {
        TestWampClient client = connect("json");
        client.hello("realm1");

        for (int i = 0; i < 3; i++) {
            assertThat(client.callForError("com.dyn.a", null, null).error()).isEqualTo(WampUris.NO_SUCH_PROCEDURE);
        }
        assertThat(authorizer.asked("CALL com.dyn.a")).isEqualTo(1);
        assertThat(client.callForError("com.dyn.denied", null, null).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
        assertThat(client.callForError("com.dyn.denied", null, null).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
        assertThat(authorizer.asked("CALL com.dyn.denied")).isEqualTo(1);

        // com.dyn.a is the oldest of three: evicted from a cache of two, so the bean is asked again
        client.callForError("com.dyn.c", null, null);
        client.callForError("com.dyn.a", null, null);
        assertThat(authorizer.asked("CALL com.dyn.a")).isEqualTo(2);
        client.callForError("com.dyn.c", null, null);
        assertThat(authorizer.asked("CALL com.dyn.c")).isEqualTo(1);

        // the application's endpoints (role trusted) registered and answer without asking the bean
        assertThat(client.callForValue("test.add", 20, 22)).isEqualTo(42L);
        assertThat(authorizer.roles()).containsOnly("anonymous");
    }

    /** Allows anonymous clients everything but URIs that end in {@code denied}; counts every question. */
    static final class CountingAuthorizer implements Authorizer {

        private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        private final Map<String, Boolean> roles = new ConcurrentHashMap<>();

        @Override
        public boolean isAuthorized(AuthIdentity identity, Action action, String uri) {
            asked.computeIfAbsent(action + " " + uri, key -> new AtomicInteger()).incrementAndGet();
            roles.put(identity.authrole(), true);
            return !uri.endsWith("denied");
        }

        int asked(String key) {
            AtomicInteger count = asked.get(key);
            return count == null ? 0 : count.get();
        }

        java.util.Set<String> roles() {
            return roles.keySet();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingAuthorizerConfiguration {

        @Bean
        CountingAuthorizer countingAuthorizer() {
            return new CountingAuthorizer();
        }
    }
}
