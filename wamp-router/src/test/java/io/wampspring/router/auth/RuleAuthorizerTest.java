package io.wampspring.router.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wampspring.router.match.MatchPolicy;
import org.junit.jupiter.api.Test;

import static io.wampspring.router.auth.Action.CALL;
import static io.wampspring.router.auth.Action.PUBLISH;
import static io.wampspring.router.auth.Action.REGISTER;
import static io.wampspring.router.auth.Action.SUBSCRIBE;
import static io.wampspring.router.match.MatchPolicy.EXACT;
import static io.wampspring.router.match.MatchPolicy.PREFIX;
import static io.wampspring.router.match.MatchPolicy.WILDCARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The precedence of a role's rules, the closed meta API, disclosure, and roles without rules. */
class RuleAuthorizerTest {

    private static final AuthIdentity USER = identity("user");

    private static AuthIdentity identity(String role) {
        return new AuthIdentity("someone", role, "ticket", "static");
    }

    private static Permission rule(String uri, MatchPolicy match, Action... actions) {
        return new Permission(uri, match, Set.of(actions));
    }

    private static RuleAuthorizer user(Permission... rules) {
        return new RuleAuthorizer(Map.of("user", List.of(rules)));
    }

    @Test
    void anExactRuleBeatsEveryPrefixAndWildcard() {
        RuleAuthorizer authorizer = user(rule("com.shop.", PREFIX, CALL), rule("com.shop..", WILDCARD, CALL),
                rule("com.shop.admin.reset", EXACT));

        assertThat(authorizer.authorize(USER, CALL, "com.shop.admin.reset")).isEqualTo(Authorization.DENY);
        assertThat(authorizer.authorize(USER, CALL, "com.shop.admin.list")).isEqualTo(Authorization.ALLOW);
    }

    @Test
    void theLongestPrefixDecidesEvenWhenItAllowsLess() {
        RuleAuthorizer authorizer = user(rule("com.", PREFIX, CALL, SUBSCRIBE, PUBLISH),
                rule("com.shop.", PREFIX, CALL), rule("com.shop.admin", PREFIX));

        assertThat(authorizer.isAuthorized(USER, PUBLISH, "com.weather.today")).isTrue();
        assertThat(authorizer.isAuthorized(USER, PUBLISH, "com.shop.order.created")).isFalse();
        assertThat(authorizer.isAuthorized(USER, CALL, "com.shop.order.create")).isTrue();
        // a prefix is a string prefix: com.shop.admin covers com.shop.administrator too
        assertThat(authorizer.isAuthorized(USER, CALL, "com.shop.administrator.add")).isFalse();
    }

    @Test
    void aPrefixBeatsAWildcardWithMoreFixedComponents() {
        RuleAuthorizer authorizer = user(rule("com.", PREFIX), rule("com.shop..create", WILDCARD, CALL));

        // as for calls: exact, then prefix, then wildcard; the wildcard never gets a say where a prefix matches
        assertThat(authorizer.isAuthorized(USER, CALL, "com.shop.order.create")).isFalse();
        assertThat(user(rule("com.shop..create", WILDCARD, CALL)).isAuthorized(USER, CALL, "com.shop.order.create"))
                .isTrue();
    }

    @Test
    void amongWildcardsTheOneWithTheLongerConcreteStartDecides() {
        RuleAuthorizer authorizer = user(rule("com...create", WILDCARD, CALL),
                rule("com.shop..", WILDCARD, SUBSCRIBE));

        assertThat(authorizer.authorize(USER, CALL, "com.shop.order.create")).isEqualTo(Authorization.DENY);
        assertThat(authorizer.authorize(USER, SUBSCRIBE, "com.shop.order.create")).isEqualTo(Authorization.ALLOW);
        assertThat(authorizer.authorize(USER, CALL, "com.bank.order.create")).isEqualTo(Authorization.ALLOW);
        // other component counts match neither
        assertThat(authorizer.authorize(USER, SUBSCRIBE, "com.shop.order")).isEqualTo(Authorization.DENY);
    }

    @Test
    void noMatchingRuleAndAnEmptyRuleListDenyEverything() {
        assertThat(user(rule("com.shop.", PREFIX, CALL)).isAuthorized(USER, CALL, "org.other.proc")).isFalse();
        RuleAuthorizer nothing = new RuleAuthorizer(Map.of("user", List.of()));
        for (Action action : Action.values()) {
            assertThat(nothing.isAuthorized(USER, action, "com.shop.order.create")).as("%s", action).isFalse();
        }
    }

    @Test
    void rolesWithoutRulesAreLeftToTheOtherRolesAuthorizer() {
        RuleAuthorizer deniedByDefault = user(rule("", PREFIX, CALL));
        assertThat(deniedByDefault.isAuthorized(identity("guest"), CALL, "com.shop.x")).isFalse();
        assertThat(deniedByDefault.governs("user")).isTrue();
        assertThat(deniedByDefault.governs("guest")).isFalse();

        RuleAuthorizer others = new RuleAuthorizer(Map.of("user", List.of()), Authorizer.PERMIT_ALL_BUT_META_API);
        assertThat(others.isAuthorized(identity("guest"), REGISTER, "com.shop.x")).isTrue();
        assertThat(others.isAuthorized(identity("guest"), CALL, "wamp.session.count")).isFalse();
        assertThat(others.isAuthorized(USER, REGISTER, "com.shop.x")).isFalse();
    }

    @Test
    void theMetaApiOpensOnlyToRulesThatNameIt() {
        RuleAuthorizer broad = user(rule("", PREFIX, CALL, SUBSCRIBE), rule("com.", PREFIX, CALL),
                rule("..", WILDCARD, CALL), rule("...", WILDCARD, CALL));
        assertThat(broad.isAuthorized(USER, CALL, "com.shop.x")).isTrue();
        assertThat(broad.isAuthorized(USER, CALL, "org.shop.x")).isTrue();
        for (String meta : List.of("wamp.session.count", "wamp.session.kill_all", "wamp.registration.list",
                "wamp.subscription.get_events")) {
            assertThat(broad.isAuthorized(USER, CALL, meta)).as(meta).isFalse();
        }
        assertThat(broad.isAuthorized(USER, SUBSCRIBE, "wamp.session.on_join")).isFalse();

        RuleAuthorizer named = user(rule("", PREFIX, CALL), rule("wamp.session.", PREFIX, SUBSCRIBE),
                rule("wamp.session.count", EXACT, CALL), rule("wamp..get", WILDCARD, CALL));
        assertThat(named.isAuthorized(USER, CALL, "wamp.session.count")).isTrue();
        assertThat(named.isAuthorized(USER, CALL, "wamp.session.kill")).isFalse();
        assertThat(named.isAuthorized(USER, SUBSCRIBE, "wamp.session.on_leave")).isTrue();
        assertThat(named.isAuthorized(USER, CALL, "wamp.registration.get")).isTrue();
        assertThat(named.isAuthorized(USER, CALL, "wamp.registration.list")).isFalse();
    }

    @Test
    void disclosureIsPerActionOfTheDecidingRule() {
        RuleAuthorizer authorizer = user(new Permission("com.shop.", PREFIX, Set.of(Action.values()), true, false),
                new Permission("com.shop.news.", PREFIX, Set.of(PUBLISH, CALL), false, true));

        assertThat(authorizer.authorize(USER, CALL, "com.shop.order.create")).isEqualTo(Authorization.ALLOW_DISCLOSED);
        assertThat(authorizer.authorize(USER, PUBLISH, "com.shop.order.created")).isEqualTo(Authorization.ALLOW);
        assertThat(authorizer.authorize(USER, SUBSCRIBE, "com.shop.order.created")).isEqualTo(Authorization.ALLOW);
        assertThat(authorizer.authorize(USER, PUBLISH, "com.shop.news.today"))
                .isEqualTo(Authorization.ALLOW_DISCLOSED);
        assertThat(authorizer.authorize(USER, CALL, "com.shop.news.read")).isEqualTo(Authorization.ALLOW);
        assertThat(authorizer.authorize(USER, SUBSCRIBE, "com.shop.news.today")).isEqualTo(Authorization.DENY);
    }

    @Test
    void aPatternIsAllowedOnlyByARuleAsBroadAsIt() {
        RuleAuthorizer authorizer = user(rule("com.shop.ui.confirm", EXACT, REGISTER, SUBSCRIBE),
                rule("com.shop.", PREFIX, REGISTER, SUBSCRIBE), rule("org..", WILDCARD, REGISTER, SUBSCRIBE));

        // an exact rule allows only its URI, never a pattern that also covers com.shop.ui.confirmed.all
        assertThat(authorizer.isAuthorized(USER, REGISTER, "com.shop.ui.confirm", EXACT)).isTrue();
        assertThat(authorizer.isAuthorized(USER, REGISTER, "com.shop.ui.confirm", PREFIX)).isFalse();
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "com.shop.ui.confirm", WILDCARD)).isFalse();
        // a prefix rule covers the prefix and wildcard patterns that start with it, and no broader one
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "com.shop.order.", PREFIX)).isTrue();
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "com.shop..created", WILDCARD)).isTrue();
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "com.", PREFIX)).isFalse();
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "com..created", WILDCARD)).isFalse();
        // a wildcard rule covers the wildcard patterns within it, never a prefix
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "org.bank.", WILDCARD)).isTrue();
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "org..", WILDCARD)).isTrue();
        assertThat(authorizer.isAuthorized(USER, SUBSCRIBE, "org.bank", PREFIX)).isFalse();
    }

    @Test
    void aRuleGivenTwiceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> user(rule("com.shop.", PREFIX, CALL),
                rule("com.shop.", PREFIX, SUBSCRIBE))).withMessageContaining("role 'user' has two rules for prefix 'com.shop.'");
        // the same URI under another policy is another rule
        user(rule("com.shop", PREFIX, CALL), rule("com.shop", EXACT, SUBSCRIBE));
    }

    @Test
    void anAuthorizerThatOnlySaysYesOrNoDisclosesNothing() {
        Authorizer yes = (identity, action, uri) -> true;
        assertThat(yes.authorize(USER, CALL, "com.x")).isEqualTo(Authorization.ALLOW);
        assertThat(Authorizer.DENY_ALL.authorize(USER, CALL, "com.x")).isEqualTo(Authorization.DENY);
    }
}
