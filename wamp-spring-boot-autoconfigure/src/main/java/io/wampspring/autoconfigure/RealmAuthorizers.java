package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.wampspring.router.Disclosure;
import io.wampspring.router.UriCheck;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.Permission;
import io.wampspring.router.auth.RuleAuthorizer;
import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The authorizer of one realm, from {@code wamp.realms[n].roles} and the application's {@code Authorizer} bean. Who
 * decides for a session, by its authrole:
 * <ol>
 * <li>a role with rules in the realm: its rules (the application's own role too);</li>
 * <li>the application's own role ({@code wamp.local.authrole}): everything, the meta API included;</li>
 * <li>any other role, when the application has an {@code Authorizer} bean: that bean, behind a cache;</li>
 * <li>any other role of a realm without rules: everything but the meta API ({@code wamp.});</li>
 * <li>any other role of a realm with rules: nothing.</li>
 * </ol>
 */
final class RealmAuthorizers {

    private static final Map<String, Set<Action>> ACTIONS = Map.of(
            "call", EnumSet.of(Action.CALL),
            "register", EnumSet.of(Action.REGISTER),
            "publish", EnumSet.of(Action.PUBLISH),
            "subscribe", EnumSet.of(Action.SUBSCRIBE),
            "all", EnumSet.allOf(Action.class));

    private RealmAuthorizers() {
    }

    static Authorizer of(WampRealmProperties realm, String localRole, @Nullable Authorizer dynamic) {
        Map<String, List<Permission>> rules = new LinkedHashMap<>();
        realm.getRoles().forEach((role, properties) -> rules.put(role, permissions(properties)));
        Authorizer clients = dynamic != null ? dynamic
                : rules.isEmpty() ? Authorizer.PERMIT_ALL_BUT_META_API : Authorizer.DENY_ALL;
        return new RuleAuthorizer(rules, new OtherRoles(localRole, clients));
    }

    private static List<Permission> permissions(WampRoleProperties role) {
        List<Permission> permissions = new ArrayList<>();
        for (WampPermissionProperties permission : role.getPermissions()) {
            Set<Action> actions = EnumSet.noneOf(Action.class);
            permission.getAllow().forEach(action -> actions.addAll(ACTIONS.get(normalized(action))));
            permissions.add(new Permission(permission.getUri(), permission.getMatch(), actions,
                    permission.isDiscloseCaller(), permission.isDisclosePublisher()));
        }
        return permissions;
    }

    private static String normalized(String action) {
        return action.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Rejects rules the router could only misapply, naming the property: a URI that is not valid for its match, an
     * unknown action, a rule given twice, disclosure the realm never allows.
     */
    static void validate(WampRealmProperties realm, String field, UriCheck uriCheck, Errors errors) {
        if (realm.getRoles() == null) {
            return;
        }
        realm.getRoles().forEach((role, properties) -> {
            String roleField = field + ".roles[" + role + "]";
            if (role.isBlank()) {
                errors.rejectValue(field + ".roles", "wamp.blank", "a role name must not be blank");
                return;
            }
            if (properties == null || properties.getPermissions() == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            List<WampPermissionProperties> permissions = properties.getPermissions();
            for (int k = 0; k < permissions.size(); k++) {
                validate(realm, permissions.get(k), roleField + ".permissions[" + k + "]", uriCheck, seen, errors);
            }
        });
    }

    private static void validate(WampRealmProperties realm, WampPermissionProperties permission, String field,
            UriCheck uriCheck, Set<String> seen, Errors errors) {
        String uri = permission.getUri();
        MatchPolicy match = permission.getMatch() != null ? permission.getMatch() : MatchPolicy.EXACT;
        boolean valid = uri != null && (match == MatchPolicy.EXACT ? uriCheck.isValid(uri, false)
                : (match == MatchPolicy.PREFIX && uri.isEmpty()) || uriCheck.isValid(uri, true));
        if (!valid) {
            errors.rejectValue(field + ".uri", "wamp.uri", "is not a valid " + match.wireName() + " URI"
                    + (match == MatchPolicy.EXACT ? " (a pattern needs match: prefix or wildcard)" : ""));
        }
        else if (!seen.add(match.wireName() + " " + uri)) {
            errors.rejectValue(field + ".uri", "wamp.duplicate", "the role has another permission for "
                    + match.wireName() + " '" + uri + "': give each URI and match once");
        }
        List<String> allow = permission.getAllow() != null ? permission.getAllow() : List.of();
        for (int i = 0; i < allow.size(); i++) {
            String action = allow.get(i);
            if (action == null || !ACTIONS.containsKey(normalized(action))) {
                errors.rejectValue(field + ".allow[" + i + "]", "wamp.action", "unknown action '" + action
                        + "': use call, register, publish, subscribe or all");
            }
        }
        if (permission.isDiscloseCaller() && realm.getCallerDisclosure() == Disclosure.NEVER) {
            errors.rejectValue(field + ".disclose-caller", "wamp.disclosure",
                    "the realm never discloses callers (its caller-disclosure is never)");
        }
        if (permission.isDisclosePublisher() && realm.getPublisherDisclosure() == Disclosure.NEVER) {
            errors.rejectValue(field + ".disclose-publisher", "wamp.disclosure",
                    "the realm never discloses publishers (its publisher-disclosure is never)");
        }
    }

    static void validateCache(WampAuthorizationCacheProperties cache, Errors errors) {
        if (cache.getMaxSize() < 1) {
            errors.rejectValue("authorization.cache.max-size", "wamp.positive", "must be at least 1");
        }
        if (cache.getTimeToLive() == null || cache.getTimeToLive().isNegative() || cache.getTimeToLive().isZero()) {
            errors.rejectValue("authorization.cache.time-to-live", "wamp.positive", "must be positive");
        }
    }

    /** The roles a realm's rules do not name: the application's own, and the clients'. */
    private record OtherRoles(String localRole, Authorizer clients) implements Authorizer {

        @Override
        public boolean isAuthorized(AuthIdentity identity, Action action, String uri) {
            return identity.authrole().equals(localRole) || clients.isAuthorized(identity, action, uri);
        }

        @Override
        public boolean isAuthorized(AuthIdentity identity, Action action, String pattern, MatchPolicy match) {
            return identity.authrole().equals(localRole) || clients.isAuthorized(identity, action, pattern, match);
        }

        @Override
        public Authorization authorize(AuthIdentity identity, Action action, String uri) {
            return identity.authrole().equals(localRole) ? Authorization.ALLOW
                    : clients.authorize(identity, action, uri);
        }
    }
}
