package io.wampspring.router;

/**
 * Told of registration changes, after the callee has been acknowledged: the registration meta events are published
 * from here. Called on the thread that made the change; implementations hand off or stay quick.
 */
public interface RegistrationListener {

    /** The first callee created the registration. */
    default void created(WampPeer callee, Registration registration) {
    }

    default void registered(WampPeer callee, Registration registration) {
    }

    default void unregistered(long sessionId, Registration registration) {
    }

    /** The last callee left: the registration is gone. */
    default void deleted(long sessionId, Registration registration) {
    }
}
