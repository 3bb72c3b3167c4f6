package io.wampspring.router.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.match.UriTable;
import org.jspecify.annotations.Nullable;

/**
 * Authorization by rules per role ({@link Permission}). A role named here may do exactly what its most specific
 * matching rule allows (none matching: nothing); a role not named here is left to {@code otherRoles}.
 *
 * <p>Each role's rules sit in the router's URI matching core ({@link UriTable}), so a decision costs what routing a
 * call costs: one hash lookup for the role, then exact, longest prefix, best wildcard. Each rule's answers are
 * computed once, so a decision allocates nothing. Rules for the meta API ({@code wamp.}) sit in a table of their own
 * that only {@code wamp.} URIs are looked up in: a broad rule ({@code ""} prefix, {@code com.} prefix, a wildcard)
 * never opens the meta API.
 *
 * <p>A pattern REGISTER or SUBSCRIBE is decided by the rule that decides for its pattern string, and only a rule as
 * broad as the pattern can allow it: a prefix rule for a prefix pattern, a prefix or wildcard rule for a wildcard
 * pattern, never an exact rule (an exact rule for {@code com.shop.x} does not allow the prefix registration
 * {@code com.shop.x}, which would also get calls of {@code com.shop.xyz}).
 */
public final class RuleAuthorizer implements Authorizer {

    /** The reserved prefix of the router's own procedures and topics. */
    public static final String META_API_PREFIX = "wamp.";

    private final Map<String, RoleRules> roles;
    private final Authorizer otherRoles;

    /** Rules for the named roles; every other role may do nothing. */
    public RuleAuthorizer(Map<String, List<Permission>> permissionsByRole) {
        this(permissionsByRole, DENY_ALL);
    }

    /** Rules for the named roles; every other role is decided by {@code otherRoles}. */
    public RuleAuthorizer(Map<String, List<Permission>> permissionsByRole, Authorizer otherRoles) {
        Map<String, RoleRules> built = new HashMap<>();
        permissionsByRole.forEach((role, permissions) -> built.put(role, new RoleRules(role, permissions)));
        this.roles = Map.copyOf(built);
        this.otherRoles = Objects.requireNonNull(otherRoles, "otherRoles");
    }

    /** Whether {@code uri} belongs to the meta API, which only rules naming it open. */
    public static boolean isMetaApi(String uri) {
        return uri.startsWith(META_API_PREFIX);
    }

    @Override
    public boolean isAuthorized(AuthIdentity identity, Action action, String uri) {
        return authorize(identity, action, uri).allowed();
    }

    @Override
    public boolean isAuthorized(AuthIdentity identity, Action action, String pattern, MatchPolicy match) {
        RoleRules rules = roles.get(identity.authrole());
        if (rules == null) {
            return otherRoles.isAuthorized(identity, action, pattern, match);
        }
        Rule rule = rules.decidingRule(pattern);
        if (rule == null || !rule.covers(match)) {
            return false;
        }
        return rule.answers[action.ordinal()].allowed();
    }

    @Override
    public Authorization authorize(AuthIdentity identity, Action action, String uri) {
        RoleRules rules = roles.get(identity.authrole());
        return rules != null ? rules.decide(action, uri) : otherRoles.authorize(identity, action, uri);
    }

    /** Whether {@code role} has rules here (as opposed to being left to the other roles' authorizer). */
    public boolean governs(String role) {
        return roles.containsKey(role);
    }

    /** One rule, with its answer per action precomputed. */
    private record Rule(MatchPolicy match, Authorization[] answers) {

        /** Whether every URI a {@code pattern} registration or subscription matches is within this rule. */
        boolean covers(MatchPolicy pattern) {
            return switch (pattern) {
                case EXACT -> true;
                case PREFIX -> match == MatchPolicy.PREFIX;
                case WILDCARD -> match != MatchPolicy.EXACT;
            };
        }
    }

    /** One role's rules: the general ones and those of the meta API apart. */
    private static final class RoleRules {

        private final UriTable<Rule> general = new UriTable<>();
        private final UriTable<Rule> metaApi = new UriTable<>();

        RoleRules(String role, List<Permission> permissions) {
            for (Permission permission : permissions) {
                Authorization[] answers = new Authorization[Action.values().length];
                for (Action action : Action.values()) {
                    answers[action.ordinal()] = permission.decide(action);
                }
                Rule rule = new Rule(permission.match(), answers);
                UriTable<Rule> table = isMetaApi(permission.uri()) ? metaApi : general;
                if (table.get(permission.match(), permission.uri()) != null) {
                    throw new IllegalArgumentException("role '" + role + "' has two rules for "
                            + permission.match().wireName() + " '" + permission.uri() + "'");
                }
                table.compute(permission.match(), permission.uri(), (uri, absent) -> rule);
            }
        }

        @Nullable Rule decidingRule(String uri) {
            return (isMetaApi(uri) ? metaApi : general).bestMatch(uri);
        }

        Authorization decide(Action action, String uri) {
            Rule rule = decidingRule(uri);
            return rule == null ? Authorization.DENY : rule.answers[action.ordinal()];
        }
    }
}
