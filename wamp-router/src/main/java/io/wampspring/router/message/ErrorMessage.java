package io.wampspring.router.message;

import java.util.Map;

/** The WAMP ERROR message. */
public record ErrorMessage(MessageType requestType, long request, Map<String, Object> details, String error, Payload payload) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
