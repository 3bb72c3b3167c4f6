package io.wampspring.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;

/**
 * One call in flight: who called, which callee serves it, and how it may still end. Every end (RESULT, ERROR, cancel,
 * timeout, either side leaving) goes through {@link #tryEnd}, which succeeds exactly once; an answer to the caller is
 * sent under the caller's send lock together with that end, so nothing for this call follows it.
 */
final class PendingCall {

    /** When the CALL arrived ({@link System#nanoTime()}), for the call's duration. */
    final long started;
    final DealerSession caller;
    final long callerRequest;
    final DealerSession callee;
    final Callee registered;
    final long invocationId;
    /** The caller asked for progressive results. */
    final boolean receiveProgress;
    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(PendingCall.class, "ended", boolean.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Set once, by the one {@link #tryEnd} that ends the call (a field, not an AtomicBoolean: one object a call). */
    private volatile boolean ended;
    /** The caller is still streaming progressive CALLs into this invocation. */
    volatile boolean invocationsOpen;
    /** A CANCEL with mode kill was passed on: the callee's answer still ends the call. */
    volatile boolean interrupted;
    volatile @Nullable ScheduledFuture<?> timeout;
    /**
     * The details of the first INVOCATION. Every later INVOCATION of a progressive call repeats them (with
     * {@code progress} as the CALL says): the spec freezes the options of the initiating CALL for the whole stream,
     * so the callee must not lose, say, the caller's identity or the called URI after the first chunk.
     */
    volatile Map<String, Object> invocationDetails = Map.of();
    /** The first INVOCATION went out; set and read under the callee's send lock. */
    private volatile boolean invocationSent;

    PendingCall(long started, DealerSession caller, long callerRequest, DealerSession callee, Callee registered,
            long invocationId, boolean receiveProgress, boolean invocationsOpen) {
        this.started = started;
        this.caller = caller;
        this.callerRequest = callerRequest;
        this.callee = callee;
        this.registered = registered;
        this.invocationId = invocationId;
        this.receiveProgress = receiveProgress;
        this.invocationsOpen = invocationsOpen;
    }

    boolean isEnded() {
        return ended;
    }

    /**
     * Whether the first INVOCATION may go out; checked under the callee's send lock. Not once the call has ended:
     * an end racing the routing (the caller leaving) then finds nothing to interrupt, rather than an INTERRUPT that
     * would overtake its INVOCATION.
     */
    boolean startInvocation() {
        if (ended || !registered.isActive()) {
            return false;
        }
        invocationSent = true;
        return true;
    }

    /** Whether the callee has been sent the INVOCATION; checked under its send lock. */
    boolean invocationSent() {
        return invocationSent;
    }

    /** Ends the call; true only for the one caller that ended it. */
    boolean tryEnd() {
        if (!ENDED.compareAndSet(this, false, true)) {
            return false;
        }
        synchronized (this) {
            // the caller is still streaming CALLs into this call: drop the rest, do not route them as new calls.
            // Under the lock with the stream's last CALL (CallRouting.continueInvocation), so the mark is never
            // left behind for a stream that has already ended.
            if (invocationsOpen) {
                caller.endedStreams.put(callerRequest, Boolean.TRUE);
            }
        }
        caller.calls.remove(callerRequest, this);
        callee.invocations.remove(invocationId, this);
        ScheduledFuture<?> timer = timeout;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    /** Ends the call with its last message to the caller; false when it had ended already. */
    boolean finish(WampMessage toCaller) {
        return caller.peer.sendIf(this::tryEnd, toCaller);
    }

    /** Sends a message to the caller that does not end the call (a progressive RESULT), unless it has ended. */
    boolean sendToCaller(WampMessage message) {
        return caller.peer.sendIf(() -> !ended, message);
    }
}
