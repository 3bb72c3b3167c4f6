package io.wampspring.router.auth;

/**
 * An authorizer's answer for one action on one URI: whether it is allowed and, for a CALL or a PUBLISH, whether the
 * session's identity is disclosed to the callee or the subscribers whatever the session asked.
 */
public enum Authorization {

    /** Refused: the request gets {@code wamp.error.not_authorized}. */
    DENY,
    /** Allowed; identity disclosed only as the session and the realm ask. */
    ALLOW,
    /** Allowed, and the caller's (publisher's) identity is disclosed, unless the realm never discloses. */
    ALLOW_DISCLOSED;

    public boolean allowed() {
        return this != DENY;
    }

    public boolean disclosed() {
        return this == ALLOW_DISCLOSED;
    }

    public static Authorization of(boolean allowed) {
        return allowed ? ALLOW : DENY;
    }
}
