package io.wampspring.router.auth;

import io.wampspring.router.match.MatchPolicy;

/**
 * Decides whether a session may perform an action on a URI. Called on the hot path for every CALL and PUBLISH, so
 * implementations must be fast and thread-safe (wrap an expensive one in a {@link CachingAuthorizer}).
 *
 * <p>The dealer and broker ask {@link #authorize}, whose answer also says whether a CALL or PUBLISH discloses its
 * sender; an implementation that only decides yes or no implements {@link #isAuthorized} alone. The router's own
 * service session (the meta API) is never asked about: it is the router.
 */
@FunctionalInterface
public interface Authorizer {

    /** Everything, the meta API ({@code wamp.}) included. */
    Authorizer PERMIT_ALL = (identity, action, uri) -> true;

    /** Nothing. */
    Authorizer DENY_ALL = (identity, action, uri) -> false;

    /** Everything but the meta API: no URI under {@code wamp.}. */
    Authorizer PERMIT_ALL_BUT_META_API = (identity, action, uri) -> !RuleAuthorizer.isMetaApi(uri);

    boolean isAuthorized(AuthIdentity identity, Action action, String uri);

    /**
     * Whether a REGISTER or SUBSCRIBE with a {@code prefix} or {@code wildcard} pattern may be made: the pattern
     * stands for every URI it matches. By default {@link #isAuthorized} of the pattern's own string.
     */
    default boolean isAuthorized(AuthIdentity identity, Action action, String pattern, MatchPolicy match) {
        return isAuthorized(identity, action, pattern);
    }

    /** The decision with its disclosure; by default {@link #isAuthorized}, forcing no disclosure. */
    default Authorization authorize(AuthIdentity identity, Action action, String uri) {
        return Authorization.of(isAuthorized(identity, action, uri));
    }
}
