package io.wampspring.router;

/**
 * One session's place in a registration. It becomes active, under that session's send lock, at the moment
 * REGISTERED is queued, so no INVOCATION overtakes it; it stops being active, under the same lock, at the moment
 * UNREGISTERED is queued, so a call routed with an older view cannot queue an INVOCATION behind it.
 */
public final class Callee {

    private final Registration registration;
    private final WampPeer peer;
    private final long sequence;
    private final boolean discloseCaller;
    private volatile boolean active;

    Callee(Registration registration, WampPeer peer, long sequence, boolean discloseCaller) {
        this.registration = registration;
        this.peer = peer;
        this.sequence = sequence;
        this.discloseCaller = discloseCaller;
    }

    public Registration registration() {
        return registration;
    }

    public WampPeer peer() {
        return peer;
    }

    public long sessionId() {
        return peer.sessionId();
    }

    long sequence() {
        return sequence;
    }

    /** Whether this callee asked to learn who calls it ({@code disclose_caller}). */
    boolean discloseCaller() {
        return discloseCaller;
    }

    boolean isActive() {
        return active;
    }

    void activate() {
        active = true;
    }

    void deactivate() {
        active = false;
    }
}
