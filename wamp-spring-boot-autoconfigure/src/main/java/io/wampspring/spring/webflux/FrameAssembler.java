package io.wampspring.spring.webflux;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.router.WampConnection;

/**
 * Assembles one connection's WAMP messages from WebSocket frames (a message may come as a first frame and
 * continuation frames), in a buffer that grows only as needed up to the message size limit. Netty delivers a
 * channel's frames one at a time on its event loop, so no locking is needed; each frame's content is copied out
 * before Reactor Netty releases it.
 */
final class FrameAssembler {

    private final WampConnection connection;
    private final boolean binaryExpected;
    private final int limit;
    /** The message being assembled: its kind (text or binary), and whether it is over the limit. */
    private boolean assembling;
    private boolean textMessage;
    private boolean discarding;
    private byte[] bytes = new byte[0];
    private int length;

    FrameAssembler(WampConnection connection, boolean binaryExpected, int limit) {
        this.connection = connection;
        this.binaryExpected = binaryExpected;
        this.limit = limit;
    }

    void accept(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            first(frame instanceof TextWebSocketFrame, frame.content(), frame.isFinalFragment());
        }
        else if (frame instanceof ContinuationWebSocketFrame && assembling) {
            part(frame.content(), frame.isFinalFragment());
        }
        // pings are answered by Reactor Netty, pongs need nothing, close frames end the inbound flux
    }

    private void first(boolean text, ByteBuf content, boolean last) {
        int size = content.readableBytes();
        if (last) {
            // the common case: the whole message in one frame, one copy
            if (size > limit) {
                connection.onMessageTooBig(size, limit);
                return;
            }
            if (text == binaryExpected) {
                connection.onWrongFrameType(!text);
                return;
            }
            byte[] message = new byte[size];
            content.readBytes(message);
            connection.onFrame(message);
            return;
        }
        assembling = true;
        textMessage = text;
        discarding = false;
        length = 0;
        part(content, false);
    }

    private void part(ByteBuf content, boolean last) {
        int size = content.readableBytes();
        if (!discarding && (long) length + size > limit) {
            discarding = true;
            bytes = new byte[0];
            connection.onMessageTooBig((long) length + size, limit);
        }
        if (!discarding && textMessage != binaryExpected) {
            if (length + size > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit,
                        Math.max(Math.max((long) bytes.length * 2, 1024), (long) length + size)));
            }
            content.readBytes(bytes, length, size);
            length += size;
        }
        if (last) {
            finish();
        }
    }

    private void finish() {
        boolean wrongType = textMessage == binaryExpected;
        byte[] message = bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
        boolean tooBig = discarding;
        assembling = false;
        discarding = false;
        bytes = new byte[0];
        length = 0;
        if (tooBig) {
            return;
        }
        if (wrongType) {
            connection.onWrongFrameType(!textMessage);
            return;
        }
        connection.onFrame(message);
    }
}
