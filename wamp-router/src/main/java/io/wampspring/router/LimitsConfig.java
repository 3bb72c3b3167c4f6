package io.wampspring.router;

/**
 * What one client may take of the router; 0 means no limit. In-process sessions (annotated beans, the template, the
 * router's services) are never limited: they are the application itself.
 *
 * @param sessionsPerRealm most sessions of remote clients joined to (or authenticating to) one realm
 * @param sessionsPerAddress most sessions from one remote address (the transport's peer address), over every realm
 * @param outstandingCallsPerSession most calls one session may have awaiting their answer at once
 * @param messagesPerSecond the steady rate of messages one session may send
 * @param messageBurst how many messages a session may send at once before the rate holds it back; 0 for one
 *                     second's worth ({@code messagesPerSecond})
 */
public record LimitsConfig(int sessionsPerRealm, int sessionsPerAddress, int outstandingCallsPerSession,
        int messagesPerSecond, int messageBurst) {

    /** No limit at all. */
    public static final LimitsConfig NONE = new LimitsConfig(0, 0, 0, 0, 0);

    public LimitsConfig {
        notNegative("sessionsPerRealm", sessionsPerRealm);
        notNegative("sessionsPerAddress", sessionsPerAddress);
        notNegative("outstandingCallsPerSession", outstandingCallsPerSession);
        notNegative("messagesPerSecond", messagesPerSecond);
        notNegative("messageBurst", messageBurst);
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative (0 for no limit), not " + value);
        }
    }

    /** The burst in force: {@code messageBurst}, or one second's worth of messages when it is 0. */
    public int effectiveBurst() {
        return messageBurst > 0 ? messageBurst : messagesPerSecond;
    }
}
