package io.wampspring.router;

import io.wampspring.router.RouterObserver.CallOutcome;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.WampMessage;

/** Tells the router's observer how each call of one realm ended, and how long it took. */
record CallObserver(String realm, RouterObserver observer) {

    /** A call ended with {@code answer} to its caller, {@code startedNanos} after its CALL arrived. */
    void answered(long startedNanos, WampMessage answer) {
        if (observer == RouterObserver.NONE) {
            return;
        }
        long duration = System.nanoTime() - startedNanos;
        if (answer instanceof ErrorMessage error) {
            observer.callEnded(realm, outcome(error.error()), error.error(), duration);
        }
        else {
            observer.callEnded(realm, CallOutcome.SUCCESS, null, duration);
        }
    }

    /** A CALL was refused for a limit. */
    void limitExceeded(Limit limit) {
        observer.limitExceeded(realm, limit);
    }

    /** A call ended without an answer: its caller left. */
    void abandoned(long startedNanos) {
        if (observer != RouterObserver.NONE) {
            observer.callEnded(realm, CallOutcome.ABANDONED, null, System.nanoTime() - startedNanos);
        }
    }

    private static CallOutcome outcome(String error) {
        return switch (error) {
            case WampUris.CANCELED -> CallOutcome.CANCELED;
            case WampUris.TIMEOUT -> CallOutcome.TIMEOUT;
            default -> CallOutcome.ERROR;
        };
    }
}
