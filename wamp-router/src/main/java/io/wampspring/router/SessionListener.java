package io.wampspring.router;

/**
 * Told when a client session of a realm joins and leaves (never the router's own service session): the session meta
 * events and testaments hang on it. A session's {@code joined} comes before its {@code left}, and a session that leaves
 * before its join was told of is told of neither. Called on the thread that made the change, never under the session's
 * lock; implementations hand off or stay quick.
 */
public interface SessionListener {

    /** The session is welcomed and established in the realm. */
    default void joined(RouterSession session) {
    }

    /** The session has left the realm (GOODBYE, kill, lost connection): the dealer and broker have let it go. */
    default void left(RouterSession session) {
    }
}
