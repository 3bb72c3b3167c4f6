package io.wampspring.router.message;

import org.jspecify.annotations.Nullable;

/** WAMP message type codes, as the spec numbers them. */
public enum MessageType {
    HELLO(1), WELCOME(2), ABORT(3), CHALLENGE(4), AUTHENTICATE(5), GOODBYE(6), ERROR(8),
    PUBLISH(16), PUBLISHED(17),
    SUBSCRIBE(32), SUBSCRIBED(33), UNSUBSCRIBE(34), UNSUBSCRIBED(35), EVENT(36),
    CALL(48), CANCEL(49), RESULT(50),
    REGISTER(64), REGISTERED(65), UNREGISTER(66), UNREGISTERED(67), INVOCATION(68), INTERRUPT(69), YIELD(70);

    private static final MessageType[] BY_CODE = new MessageType[71];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or null for a code the spec does not define. */
    public static @Nullable MessageType ofCode(long code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }
}
