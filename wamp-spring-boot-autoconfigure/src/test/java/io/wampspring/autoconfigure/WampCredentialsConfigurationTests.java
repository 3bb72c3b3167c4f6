package io.wampspring.autoconfigure;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials of ticket, wampcra and cryptosign principals are checked when the application starts: a method
 * nobody can use, a principal without a role, keys that are not keys, hashed secrets where they cannot work, and the
 * AuthenticationManager delegation without an AuthenticationManager.
 */
class WampCredentialsConfigurationTests {

    private static final String KEY = "1dfafe7d2ca3b8ddf75776ffcd49379ef93003a152f82717ce6ef6d38047e6db";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
            .withPropertyValues("wamp.realms[0].name=secure");

    @Test
    void everyMethodWithItsCredentialsStarts() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=ticket,wampcra,cryptosign,anonymous",
                "wamp.realms[0].principals.alice.role=user", "wamp.realms[0].principals.alice.ticket={noop}t",
                "wamp.realms[0].principals.bob.role=user", "wamp.realms[0].principals.bob.wampcra.secret=s",
                "wamp.realms[0].principals.stored.role=user",
                "wamp.realms[0].principals.stored.wampcra.derived-key=DpHHRlQ6UNULJlP9J8WkPw==",
                "wamp.realms[0].principals.stored.wampcra.salt=salt123",
                "wamp.realms[0].principals.carol.role=admin",
                "wamp.realms[0].principals.carol.cryptosign.public-keys=" + KEY.toUpperCase())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WampRouter.class).realm("secure")).isNotNull();
                    assertThat(context).hasBean("wampSecretMatcher").hasBean("wampAuthenticationManagerTickets");
                });
    }

    @Test
    void aMethodNoPrincipalCanUseIsNamedWithThePropertyToSet() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=ticket,wampcra,cryptosign",
                "wamp.realms[0].principals.alice.role=user").run(context -> {
                    String report = report(context);
                    assertThat(report).contains("Property: wamp.realms[0].auth-methods")
                            .contains("offers ticket, but no principal has a ticket: set "
                                    + "wamp.realms[0].principals.<authid>.ticket, or "
                                    + "wamp.realms[0].ticket.authentication-manager=true")
                            .contains("offers wampcra, but no principal has a WAMP-CRA secret")
                            .contains("offers cryptosign, but no principal has a public key: set "
                                    + "wamp.realms[0].principals.<authid>.cryptosign.public-keys");
                });
    }

    @Test
    void badCredentialsAreNamed() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=wampcra,cryptosign",
                "wamp.realms[0].principals.norole.ticket=t",
                "wamp.realms[0].principals.bob.role=user",
                "wamp.realms[0].principals.bob.wampcra.secret={bcrypt}$2a$10$abcdefghijklmnopqrstuv",
                "wamp.realms[0].principals.stored.role=user",
                "wamp.realms[0].principals.stored.wampcra.derived-key=DpHHRlQ6UNULJlP9J8WkPw==",
                "wamp.realms[0].principals.salty.role=user", "wamp.realms[0].principals.salty.wampcra.secret=s",
                "wamp.realms[0].principals.salty.wampcra.salt=pepper",
                "wamp.realms[0].principals.salty.wampcra.iterations=0",
                "wamp.realms[0].principals.carol.role=admin",
                "wamp.realms[0].principals.carol.cryptosign.public-keys=" + KEY + ",abc",
                "wamp.realms[0].principals.dan.role=user",
                "wamp.realms[0].principals.dan.cryptosign.public-keys=" + KEY)
                .run(context -> {
                    String report = report(context);
                    assertThat(report)
                            .contains("wamp.realms[0].principals.norole.role")
                            .contains("it is the authrole of principal 'norole'")
                            .contains("wamp.realms[0].principals.bob.wampcra.secret")
                            .contains("is hashed ({bcrypt}), but WAMP-CRA computes an HMAC with the secret itself")
                            .contains("wamp.realms[0].principals.stored.wampcra.salt")
                            .contains("must be set with derived-key")
                            .contains("wamp.realms[0].principals.salty.wampcra.iterations")
                            .contains("wamp.realms[0].principals.carol.cryptosign.public-keys[1]")
                            .contains("is not an Ed25519 public key: 32 bytes in hex (64 hex digits)")
                            .contains("wamp.realms[0].principals.dan.cryptosign.public-keys[0]")
                            .contains("is also a public key of principal 'carol'");
                });
    }

    @Test
    void aHashedTicketNeedsSpringSecurityCrypto() {
        runner.withClassLoader(new FilteredClassLoader(PasswordEncoder.class))
                .withPropertyValues("wamp.realms[0].auth-methods=ticket", "wamp.realms[0].principals.alice.role=user",
                        "wamp.realms[0].principals.alice.ticket={bcrypt}$2a$10$abcdefghijklmnopqrstuv")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription()).startsWith("wamp.realms[0].principals.alice.ticket is "
                            + "hashed ({bcrypt}), but spring-security-crypto");
                });
    }

    @Test
    void plainAndNoopTicketsNeedNoSpringSecurity() {
        runner.withClassLoader(new FilteredClassLoader(PasswordEncoder.class, AuthenticationManager.class))
                .withPropertyValues("wamp.realms[0].auth-methods=ticket", "wamp.realms[0].principals.alice.role=user",
                        "wamp.realms[0].principals.alice.ticket={noop}t", "wamp.realms[0].principals.bob.role=user",
                        "wamp.realms[0].principals.bob.ticket=t")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("wampSecretMatcher")
                        .doesNotHaveBean("wampAuthenticationManagerTickets"));
    }

    @Test
    void theAuthenticationManagerDelegationNeedsAnAuthenticationManager() {
        runner.withPropertyValues("wamp.realms[0].auth-methods=ticket",
                "wamp.realms[0].ticket.authentication-manager=true").run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription()).startsWith("wamp.realms[0].ticket.authentication-manager "
                            + "is true, but the application has no Spring Security AuthenticationManager");
                });
    }

    private static String report(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        return analysis.getDescription();
    }

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getCause()).isInstanceOf(WampConfigurationException.class);
        return analysis;
    }
}
