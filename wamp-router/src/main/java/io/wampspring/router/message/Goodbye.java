package io.wampspring.router.message;

import java.util.Map;

/** The WAMP GOODBYE message. */
public record Goodbye(Map<String, Object> details, String reason) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.GOODBYE;
    }
}
