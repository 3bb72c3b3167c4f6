package io.wampspring.autoconfigure;

import java.util.regex.Pattern;

import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.Authorizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wamp.realms[n].roles} and {@code wamp.authorization}: rules the router could only misapply fail the start
 * with Boot's report naming the property; the authorizer each realm gets follows the documented order.
 */
class WampAuthorizationPropertiesTests {

    private static final String USER = "wamp.realms[0].roles.user.permissions";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class));

    @Test
    void aUriThatDoesNotFitItsMatchIsNamed() {
        runner.withPropertyValues(USER + "[0].uri=com.shop.", USER + "[0].allow=call",
                USER + "[1].uri=com..x", USER + "[1].match=prefix", USER + "[1].allow=call",
                USER + "[2].uri=com shop", USER + "[2].match=wildcard").run(context -> {
                    assertThat(context).hasFailed();
                    assertReport(context.getStartupFailure(), "wamp.realms[0].roles[user].permissions[0].uri",
                            "com.shop.", "is not a valid exact URI (a pattern needs match: prefix or wildcard)");
                    assertReport(context.getStartupFailure(), "wamp.realms[0].roles[user].permissions[2].uri",
                            "com shop", "is not a valid wildcard URI");
                    // a prefix may have empty components like a prefix registration
                    assertThat(StartupFailures.analyze(context.getStartupFailure()).getDescription())
                            .doesNotContain("permissions[1]");
                });
    }

    @Test
    void anUnknownActionIsNamedWithTheKnownOnes() {
        runner.withPropertyValues(USER + "[0].uri=com.shop.", USER + "[0].match=prefix",
                USER + "[0].allow=call,fly").run(context -> {
                    assertThat(context).hasFailed();
                    assertReport(context.getStartupFailure(), "wamp.realms[0].roles[user].permissions[0].allow[1]",
                            "fly", "unknown action 'fly': use call, register, publish, subscribe or all");
                });
    }

    @Test
    void aRuleGivenTwiceAndDisclosureTheRealmNeverAllowsAreNamed() {
        runner.withPropertyValues("wamp.realms[0].caller-disclosure=never", USER + "[0].uri=com.shop.",
                USER + "[0].match=prefix", USER + "[0].allow=all", USER + "[1].uri=com.shop.",
                USER + "[1].match=prefix", USER + "[1].disclose-caller=true").run(context -> {
                    assertThat(context).hasFailed();
                    assertReport(context.getStartupFailure(), "wamp.realms[0].roles[user].permissions[1].uri",
                            "com.shop.", "the role has another permission for prefix 'com.shop.'");
                    assertReport(context.getStartupFailure(),
                            "wamp.realms[0].roles[user].permissions[1].disclose-caller", "true",
                            "the realm never discloses callers");
                });
    }

    @Test
    void theCacheMustBeBounded() {
        runner.withPropertyValues("wamp.authorization.cache.max-size=0", "wamp.authorization.cache.time-to-live=0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertReport(context.getStartupFailure(), "wamp.authorization.cache.max-size", "0",
                            "must be at least 1");
                    assertReport(context.getStartupFailure(), "wamp.authorization.cache.time-to-live", "PT0S",
                            "must be positive");
                });
    }

    @Test
    void aRealmWithoutRulesIsOpenButForTheMetaApiWhichOnlyTheApplicationsRoleMayUse() {
        runner.run(context -> {
            Authorizer authorizer = context.getBean(WampRouter.class).realm("realm1").broker().authorizer();
            AuthIdentity anonymous = new AuthIdentity("anonymous-1", "anonymous", "anonymous", "static");
            AuthIdentity local = new AuthIdentity("spring", "trusted", "local", "local");
            for (Action action : Action.values()) {
                assertThat(authorizer.isAuthorized(anonymous, action, "com.shop.x")).isTrue();
                assertThat(authorizer.isAuthorized(anonymous, action, "wamp.session.count")).isFalse();
                assertThat(authorizer.isAuthorized(local, action, "wamp.session.count")).isTrue();
            }
        });
    }

    @Test
    void aRealmWithRulesDeniesRolesItDoesNotNameAndTheBeanDecidesForThem() {
        String[] rules = {USER + "[0].uri=com.shop.", USER + "[0].match=prefix", USER + "[0].allow=call, subscribe",
                USER + "[0].disclose-caller=true"};
        AuthIdentity user = new AuthIdentity("alice", "user", "ticket", "static");
        AuthIdentity guest = new AuthIdentity("anonymous-1", "anonymous", "anonymous", "static");
        runner.withPropertyValues(rules).run(context -> {
            Authorizer authorizer = context.getBean(WampRouter.class).realm("realm1").broker().authorizer();
            assertThat(authorizer.authorize(user, Action.CALL, "com.shop.x")).isEqualTo(Authorization.ALLOW_DISCLOSED);
            assertThat(authorizer.authorize(user, Action.PUBLISH, "com.shop.x")).isEqualTo(Authorization.DENY);
            assertThat(authorizer.authorize(guest, Action.CALL, "com.shop.x")).isEqualTo(Authorization.DENY);
        });
        runner.withPropertyValues(rules).withBean(Authorizer.class, () -> (identity, action, uri) -> uri.equals("org.x"))
                .run(context -> {
                    Authorizer authorizer = context.getBean(WampRouter.class).realm("realm1").broker().authorizer();
                    assertThat(authorizer.isAuthorized(guest, Action.CALL, "org.x")).isTrue();
                    assertThat(authorizer.isAuthorized(guest, Action.CALL, "com.shop.x")).isFalse();
                    assertThat(authorizer.isAuthorized(user, Action.CALL, "org.x")).isFalse(); // the rules decide
                });
    }

    private static void assertReport(Throwable failure, String property, String value, String reason) {
        FailureAnalysis analysis = StartupFailures.analyze(failure);
        assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).contains("Property: " + property + "\n")
                .containsPattern("Property: " + Pattern.quote(property) + "\\n\\s*Value: \"" + Pattern.quote(value)
                        + "\"\\n(?:.*\\n){0,2}?\\s*Reason: [^\\n]*" + Pattern.quote(reason));
    }
}
