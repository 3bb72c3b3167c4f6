package io.wampspring.router.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.wampspring.router.match.MatchPolicy;

/**
 * One rule of a role: the URIs it covers ({@code uri} under {@code match}), the actions it allows on them (none: it
 * denies), and whether the role's calls and publications under it disclose the caller or publisher.
 *
 * <p>Of a role's rules, the one that matches a URI most specifically decides alone, as a call picks its registration:
 * exact, else the longest prefix, else the best wildcard. A prefix rule {@code ""} covers every URI but those of the
 * meta API: a URI under {@code wamp.} is covered only by rules whose own URI starts with {@code wamp.}.
 */
public record Permission(String uri, MatchPolicy match, Set<Action> actions, boolean discloseCaller,
        boolean disclosePublisher) {

    public Permission {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(match, "match");
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
    }

    /** A rule that discloses nobody. */
    public Permission(String uri, MatchPolicy match, Set<Action> actions) {
        this(uri, match, actions, false, false);
    }

    /** This rule's decision for {@code action} on a URI it covers. */
    public Authorization decide(Action action) {
        if (!actions.contains(action)) {
            return Authorization.DENY;
        }
        boolean disclosed = (action == Action.CALL && discloseCaller)
                || (action == Action.PUBLISH && disclosePublisher);
        return disclosed ? Authorization.ALLOW_DISCLOSED : Authorization.ALLOW;
    }
}
