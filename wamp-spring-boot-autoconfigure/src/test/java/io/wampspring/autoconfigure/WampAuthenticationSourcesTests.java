package io.wampspring.autoconfigure;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.TicketVerifier;
import io.wampspring.router.client.WampException;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampConfigurationException;
import io.wampspring.spring.security.AuthenticationArgumentResolver;
import io.wampspring.spring.security.SpringSecurityPrincipalConverter;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where authentication comes from besides the built-in methods: the Spring Security auto-configuration (and its
 * absence), the http method's role-mapping properties, the application's authenticator beans, and the dynamic
 * authenticator reaching an annotated procedure.
 */
class WampAuthenticationSourcesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                    WampSecurityAutoConfiguration.class));

    @Test
    void withSpringSecurityTheHandshakesAuthenticationAndAuthenticationParametersAreRead() {
        runner.run(context -> {
            assertThat(context).getBean(HandshakePrincipalConverter.class)
                    .isInstanceOf(SpringSecurityPrincipalConverter.class);
            assertThat(context).hasSingleBean(AuthenticationArgumentResolver.class);
        });
    }

    @Test
    void withoutSpringSecurityNothingOfItIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(Authentication.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(HandshakePrincipalConverter.class);
            assertThat(context).doesNotHaveBean(AuthenticationArgumentResolver.class);
        });
    }

    @Test
    void aFixedRoleMappingNeedsARoleAndTheDynamicAuthenticatorAValidProcedureAndRealm() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=http",
                "wamp.realms[0].http-principal.role-mapping=fixed",
                "wamp.realms[0].dynamic-authenticator.procedure=com..authenticate",
                "wamp.realms[0].dynamic-authenticator.realm=nowhere").run(context -> {
                    assertThat(context).hasFailed();
                    String report = StartupFailures.analyze(context.getStartupFailure()).getDescription();
                    assertThat(report).contains("Property: wamp.realms[0].http-principal.role")
                            .contains("must be set when http-principal.role-mapping is fixed")
                            .contains("Property: wamp.realms[0].dynamic-authenticator.procedure")
                            .contains("is not a valid procedure URI")
                            .contains("Property: wamp.realms[0].dynamic-authenticator.realm")
                            .contains("names no realm of wamp.realms");
                });
    }

    @Test
    void aMapperRoleMappingWithoutAMapperBeanNamesTheProperty() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=http",
                "wamp.realms[0].http-principal.role-mapping=mapper").run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription()).isEqualTo("wamp.realms[0].http-principal.role-mapping is "
                            + "mapper, but the application has no PrincipalRoleMapper bean");
                });
    }

    @Test
    void twoAuthenticatorBeansOfOneMethodFailTheStart() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=token")
                .withBean("first", Authenticator.class, () -> acceptingAs("token", "first"))
                .withBean("second", Authenticator.class, () -> acceptingAs("token", "second"))
                .run(context -> assertThat(analysis(context).getDescription())
                        .startsWith("Two Authenticator beans offer authentication method 'token' for every realm"));
    }

    @Test
    void aDynamicAuthenticatorCallsAnAnnotatedProcedure() {
        runner.withUserConfiguration(TicketDesk.class)
                .withPropertyValues("wamp.realms[0].auth-methods=anonymous",
                        "wamp.realms[0].dynamic-authenticator.procedure=test.authenticate")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    WampRouter router = context.getBean(WampRouter.class);
                    TicketVerifier verifier = TicketVerifiers.forRealm(
                            context.getBean(WampProperties.class).getRealms().get(0), () -> router);
                    AuthRequest request = new AuthRequest(7, "realm1", "alice", Map.of(), TransportInfo.local());

                    assertThat(verifier.verify(request, "alice-ticket").toCompletableFuture().get(10, TimeUnit.SECONDS))
                            .isEqualTo(AuthDecision.accept(new AuthIdentity("alice", "user", "ticket", "dynamic")));
                    assertThat(verifier.verify(request, "guess").toCompletableFuture().get(10, TimeUnit.SECONDS))
                            .isEqualTo(AuthDecision.reject("wamp.error.authentication_failed", "wrong ticket"));
                });
    }

    @Test
    void withoutADynamicAuthenticatorTicketsKeepTheirUsualVerifier() {
        assertThat(TicketVerifiers.forRealm(new WampRealmProperties(), () -> null)).isNull();
    }

    private static Authenticator acceptingAs(String method, String authrole) {
        return new Authenticator() {
            @Override
            public String authMethod() {
                return method;
            }

            @Override
            public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
                return CompletableFuture.completedFuture(AuthDecision.accept(
                        new AuthIdentity("someone", authrole, method, "test")));
            }
        };
    }

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getCause()).isInstanceOf(WampConfigurationException.class);
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    static class TicketDesk {

        @Bean
        TicketDeskEndpoint ticketDeskEndpoint() {
            return new TicketDeskEndpoint();
        }
    }

    static class TicketDeskEndpoint {

        @WampProcedure("test.authenticate")
        public Object authenticate(String realm, String authid, Map<String, Object> details) {
            if (!(authid + "-ticket").equals(details.get("ticket"))) {
                throw new WampException("wamp.error.authentication_failed", "wrong ticket");
            }
            return "user";
        }
    }
}
