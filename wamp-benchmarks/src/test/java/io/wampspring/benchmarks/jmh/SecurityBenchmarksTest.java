package io.wampspring.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.Authorization;
import org.junit.jupiter.api.Test;

/**
 * The security benchmarks' set-up checks what they measure (every lookup decided by a rule of the wanted kind, every
 * method's correct AUTHENTICATE accepted); this runs it, with a few invocations, so that a change of the
 * authenticators or the rules that breaks a benchmark shows in the build rather than in a JMH run. Not a measurement.
 */
class SecurityBenchmarksTest {

    @Test
    void everyLookupIsDecidedByARuleOfItsKind() {
        for (int rules : new int[] {10, 1000}) {
            for (String lookup : new String[] {"exact", "prefix", "wildcard", "deny"}) {
                AuthorizationBenchmark benchmark = new AuthorizationBenchmark();
                benchmark.rulesPerRole = rules;
                benchmark.lookup = lookup;
                benchmark.setUp(); // throws unless each URI gets the expected decision from rules and cache
                boolean allowed = !lookup.equals("deny");
                for (int i = 0; i < 2 * AuthorizationBenchmark.LOOKUPS; i++) {
                    assertThat(benchmark.rules().allowed()).isEqualTo(allowed);
                    assertThat(benchmark.cachedHit().allowed()).isEqualTo(allowed);
                    assertThat(benchmark.permitAll()).isEqualTo(Authorization.ALLOW);
                }
            }
        }
    }

    @Test
    void everyMethodAcceptsTheClientsAnswer() throws Exception {
        for (String method : new String[] {"anonymous", "ticket", "ticket-bcrypt", "wampcra", "wampcra-salted",
                "cryptosign", "wamp-scram-argon2id", "wamp-scram-pbkdf2"}) {
            AuthenticationBenchmark benchmark = new AuthenticationBenchmark();
            benchmark.method = method;
            benchmark.setUp(); // throws unless the first AUTHENTICATE is accepted
            AuthDecision first = benchmark.challenge();
            if (method.equals("anonymous")) {
                assertThat(first).isInstanceOf(AuthDecision.Accept.class);
            }
            else {
                assertThat(first).as(method).isInstanceOf(AuthDecision.Challenge.class);
                assertThat(benchmark.verify()).as(method).isInstanceOf(AuthDecision.Accept.class);
            }
        }
    }

    @Test
    void bothEd25519ProvidersVerifyTheSignature() throws Exception {
        for (String provider : new String[] {"jdk", "bouncycastle"}) {
            Ed25519VerifyBenchmark benchmark = new Ed25519VerifyBenchmark();
            benchmark.provider = provider;
            benchmark.setUp();
            assertThat(benchmark.verify()).as(provider).isTrue();
        }
    }

    @Test
    void callsAreAnsweredOrDeniedAsTheirRulesSay() {
        for (String authorizer : new String[] {"permit-all", "rules-exact", "rules-wildcard", "rules-deny",
                "cached-exact"}) {
            AuthorizedCallBenchmark benchmark = new AuthorizedCallBenchmark();
            benchmark.authorizer = authorizer;
            benchmark.setUp(); // throws unless the first calls are answered (denied for rules-deny)
            try {
                for (int i = 0; i < 10; i++) {
                    assertThat(benchmark.calls()).as(authorizer)
                            .isEqualTo(authorizer.equals("rules-deny") ? 0 : AuthorizedCallBenchmark.IN_FLIGHT);
                }
            }
            finally {
                benchmark.tearDown();
            }
        }
    }
}
