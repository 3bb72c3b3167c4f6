package io.wampspring.router;

/** The dealer's view of one joined session: its registrations, the calls it made, the invocations it owes. */
final class DealerSession {

    final WampPeer peer;
    /** This session's place in each registration it holds, by registration id. */
    final OnDemandMap<Long, Callee> registrations = new OnDemandMap<>();
    /** Invocations this session owes an answer to, by the router's invocation request id. */
    final OnDemandMap<Long, PendingCall> invocations = new OnDemandMap<>();
    /** Calls this session made and awaits, by the caller's request id. */
    final OnDemandMap<Long, PendingCall> calls = new OnDemandMap<>();
    /**
     * Request ids of this session's progressive-invocation calls that ended (answered, refused, timed out, canceled)
     * while it was still streaming. The CALLs of such a stream already under way are dropped rather than taken for
     * new calls (which would answer the request id twice); the stream's final CALL lets go of the id. An id stays
     * here until then, or until the session leaves. A set: the value is always {@code TRUE}.
     */
    final OnDemandMap<Long, Boolean> endedStreams = new OnDemandMap<>();
    final boolean calleeCanCancel;
    final boolean calleeTakesProgressiveInvocations;
    final boolean callerSendsProgressiveInvocations;
    final boolean calleeKnowsTimeouts;
    /** Most calls this session may await at once; 0 for no limit. */
    final int callLimit;
    volatile boolean closed;

    DealerSession(WampPeer peer) {
        this.peer = peer;
        // the spec spells it both ways
        this.calleeCanCancel = peer.supports("callee", "call_canceling") || peer.supports("callee", "call_cancelling");
        this.calleeTakesProgressiveInvocations = calleeCanCancel
                && peer.supports("callee", "progressive_call_invocations");
        this.callerSendsProgressiveInvocations = peer.supports("caller", "progressive_call_invocations");
        this.calleeKnowsTimeouts = peer.supports("callee", "call_timeout");
        this.callLimit = peer.outstandingCallLimit();
    }
}
