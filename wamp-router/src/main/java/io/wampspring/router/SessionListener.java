package io.wampspring.router;

/**
 * Told when a client session joins or leaves a realm (the router's own service sessions are not told of). Called on
 * the thread that made the change, possibly under the session's lock: implementations hand off or stay quick, and
 * never call back into the router.
 */
public interface SessionListener {

    /** The session was welcomed into the realm. */
    default void joined(RouterSession session) {
    }

    /** The session left the realm, however it ended; told once, and only after {@link #joined}. */
    default void left(RouterSession session) {
    }
}
