package io.wampspring.autoconfigure;

import io.wampspring.router.LimitsConfig;

/**
 * What one remote client may take of the router ({@code wamp.limits}); 0 means no limit, the default for each.
 * In-process sessions (annotated beans, WampTemplate) are never limited. Every refusal is
 * {@code wamp.error.limit_exceeded} and counts in the {@code wamp.limits.exceeded} meter.
 */
public class WampLimitsProperties {

    /**
     * Most remote sessions one realm may have at once (each realm its own count); a HELLO beyond it is aborted with
     * wamp.error.limit_exceeded. 0 for no limit.
     */
    private int sessionsPerRealm;

    /**
     * Most remote sessions from one remote address at once, over every realm; a HELLO beyond it is aborted with
     * wamp.error.limit_exceeded. The address is the connection's peer: behind a proxy, configure
     * server.forward-headers-strategy so that it is the client's. 0 for no limit.
     */
    private int sessionsPerAddress;

    /**
     * Most calls one session may await at once; a CALL beyond it is answered with ERROR wamp.error.limit_exceeded,
     * the session carries on. 0 for no limit.
     */
    private int outstandingCallsPerSession;

    /**
     * Messages per second one session may send, steadily; a session that sends more than its burst beyond this
     * rate is aborted with wamp.error.limit_exceeded. 0 for no limit.
     */
    private int messagesPerSecond;

    /** Messages a session may send at once above its rate; 0 for one second's worth (messages-per-second). */
    private int messageBurst;

    public int getSessionsPerRealm() {
        return sessionsPerRealm;
    }

    public void setSessionsPerRealm(int sessionsPerRealm) {
        this.sessionsPerRealm = sessionsPerRealm;
    }

    public int getSessionsPerAddress() {
        return sessionsPerAddress;
    }

    public void setSessionsPerAddress(int sessionsPerAddress) {
        this.sessionsPerAddress = sessionsPerAddress;
    }

    public int getOutstandingCallsPerSession() {
        return outstandingCallsPerSession;
    }

    public void setOutstandingCallsPerSession(int outstandingCallsPerSession) {
        this.outstandingCallsPerSession = outstandingCallsPerSession;
    }

    public int getMessagesPerSecond() {
        return messagesPerSecond;
    }

    public void setMessagesPerSecond(int messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    public int getMessageBurst() {
        return messageBurst;
    }

    public void setMessageBurst(int messageBurst) {
        this.messageBurst = messageBurst;
    }

    /** The router's settings; the values are checked by {@link WampProperties#validate}. */
    LimitsConfig toConfig() {
        return new LimitsConfig(sessionsPerRealm, sessionsPerAddress, outstandingCallsPerSession, messagesPerSecond,
                messageBurst);
    }
}
