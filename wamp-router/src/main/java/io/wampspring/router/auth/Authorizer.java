package io.wampspring.router.auth;

/**
 * Decides whether a session may perform an action on a URI. Called on the hot path for every CALL and PUBLISH, so
 * implementations must be fast and thread-safe (cache what is expensive).
 */
@FunctionalInterface
public interface Authorizer {

    Authorizer PERMIT_ALL = (identity, action, uri) -> true;

    boolean isAuthorized(AuthIdentity identity, Action action, String uri);
}
