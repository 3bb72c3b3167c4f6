package io.wampspring.router;

import java.util.concurrent.ConcurrentHashMap;

/** The dealer's view of one joined session: its registrations, the calls it made, the invocations it owes. */
final class DealerSession {

    final WampPeer peer;
    /** This session's place in each registration it holds, by registration id. */
    final ConcurrentHashMap<Long, Callee> registrations = new ConcurrentHashMap<>();
    /** Invocations this session owes an answer to, by the router's invocation request id. */
    final ConcurrentHashMap<Long, PendingCall> invocations = new ConcurrentHashMap<>();
    /** Calls this session made and awaits, by the caller's request id. */
    final ConcurrentHashMap<Long, PendingCall> calls = new ConcurrentHashMap<>();
    final boolean calleeCanCancel;
    final boolean calleeTakesProgressiveInvocations;
    final boolean callerSendsProgressiveInvocations;
    final boolean calleeKnowsTimeouts;
    volatile boolean closed;

    DealerSession(WampPeer peer) {
        this.peer = peer;
        // the spec spells it both ways
        this.calleeCanCancel = peer.supports("callee", "call_canceling") || peer.supports("callee", "call_cancelling");
        this.calleeTakesProgressiveInvocations = calleeCanCancel
                && peer.supports("callee", "progressive_call_invocations");
        this.callerSendsProgressiveInvocations = peer.supports("caller", "progressive_call_invocations");
        this.calleeKnowsTimeouts = peer.supports("callee", "call_timeout");
    }
}
