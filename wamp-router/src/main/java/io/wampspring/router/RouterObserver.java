package io.wampspring.router;

import io.wampspring.router.message.MessageType;
import org.jspecify.annotations.Nullable;

/**
 * Hears what the router does, for metrics: a Micrometer binder in the Spring module implements it, the router itself
 * knows no metrics library. Set through {@link WampRouter#WampRouter(RouterConfig, java.util.List, RouterExecutors,
 * RouterObserver)}; every method does nothing by default.
 * <p>
 * Called on the routing threads, often on the hot path (once per message, once per call): an implementation must be
 * quick, must not block and must not throw. The arguments are few and cheap, and of low cardinality: a realm name is
 * one of the configured realms (null before a session has named an existing one), a transport is its kind
 * ({@code websocket}, {@code local}) and a serializer its name ({@code json}, {@code cbor}, {@code msgpack},
 * {@code none} in process). No session or request id is ever passed.
 */
public interface RouterObserver {

    /** Observes nothing. */
    RouterObserver NONE = new RouterObserver() {
    };

    /** How a routed call ended for its caller. */
    enum CallOutcome {
        /** A final RESULT. */
        SUCCESS,
        /** An ERROR: from the callee, or the router's refusal (no such procedure, not authorized, ...). */
        ERROR,
        /** Canceled: by the caller, or because the callee left ({@code wamp.error.canceled}). */
        CANCELED,
        /** The call's timeout passed ({@code wamp.error.timeout}). */
        TIMEOUT,
        /** The caller left before its answer: nobody was answered. */
        ABANDONED;

        /** The outcome's tag value: its name in lower case. */
        public String tagValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where an event was lost after the broker routed it to a subscriber. */
    enum DropReason {
        /** The subscriber's send buffer was full and the overflow policy drops events ({@code DROP_EVENTS}). */
        SEND_BUFFER,
        /** An in-process handler (a {@code @WampTopic} method) was more than its event backlog behind. */
        BACKLOG;

        public String tagValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the router did about a subscriber whose send buffer filled. */
    enum SlowConsumerAction {
        /** Began dropping events for it (counted once per session; each event lost is a dropped event). */
        DROP_EVENTS,
        /** Closed its connection. */
        DISCONNECT;

        public String tagValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The counters of one session's messages, asked for once when the session starts and again when it enters its
     * realm; the returned object is then called for every message, so it should hold whatever it needs ready.
     *
     * @param realm the session's realm, null before HELLO named an existing one
     */
    default MessageObserver messages(@Nullable String realm, String transport, String serializer) {
        return MessageObserver.NONE;
    }

    /**
     * A routed call ended: from its CALL to the final RESULT or ERROR to the caller (a refusal by the router is an
     * ERROR at once).
     *
     * @param error the ERROR's URI, null for a success or an abandoned call
     */
    default void callEnded(String realm, CallOutcome outcome, @Nullable String error, long durationNanos) {
    }

    /** The broker accepted a publication of a client (not one of the router's own meta events). */
    default void eventPublished(String realm) {
    }

    /**
     * The broker handed {@code count} EVENTs of one client's publication to its subscribers (called only when
     * positive).
     */
    default void eventsDelivered(String realm, int count) {
    }

    /** An EVENT the broker had handed to a subscriber was lost on its way. */
    default void eventDropped(@Nullable String realm, DropReason reason) {
    }

    /** The slow-consumer policy acted on a session whose send buffer was full. */
    default void slowConsumer(@Nullable String realm, SlowConsumerAction action, String transport,
            String serializer) {
    }

    /** A session was aborted for a protocol violation. */
    default void protocolViolation(@Nullable String realm, String transport, String serializer) {
    }

    /**
     * A session failed to authenticate to a realm: its authenticator rejected or failed it, it offered no method the
     * realm accepts, or it took too long.
     *
     * @param authMethod the method tried, null when none matched
     * @param error the ABORT reason sent
     */
    default void authenticationFailed(String realm, @Nullable String authMethod, String error) {
    }

    /**
     * A session ran into one of the router's {@link LimitsConfig limits} and was refused (ABORT) or had one request
     * refused (ERROR), with {@code wamp.error.limit_exceeded}.
     *
     * @param realm the realm the session joined or asked for, null when it named none
     */
    default void limitExceeded(@Nullable String realm, Limit limit) {
    }

    /** Counts one session's messages; see {@link RouterObserver#messages}. */
    interface MessageObserver {

        MessageObserver NONE = new MessageObserver() {
            @Override
            public void received(MessageType type) {
            }

            @Override
            public void sent(MessageType type) {
            }
        };

        /** A message from the peer, decoded (or handed over in process), before it is handled. */
        void received(MessageType type);

        /** A message handed to the peer's connection. */
        void sent(MessageType type);
    }
}
