package io.wampspring.spring.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.Transport;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.router.transport.TransportPrincipal;
import io.wampspring.router.transport.WriteCallback;
import jakarta.websocket.RemoteEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The router's {@link Transport} over a Spring {@link WebSocketSession}. On a Jakarta WebSocket container (Tomcat,
 * Jetty) frames are written with the container's asynchronous API, so no thread waits for a slow peer; elsewhere
 * each frame is written synchronously by the thread that drains the send buffer.
 */
final class WebSocketTransport implements Transport {

    private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

    private static final boolean JAKARTA_PRESENT =
            ClassUtils.isPresent("jakarta.websocket.Session", WebSocketTransport.class.getClassLoader());

    private final WebSocketSession session;
    private final WampSerializer serializer;
    private final TransportInfo info;
    private final RemoteEndpoint.@Nullable Async async;
    private final Executor closer;

    /** {@code principal}: who the handshake authenticated, as the router is to see it (null: nobody). */
    WebSocketTransport(WebSocketSession session, WampSerializer serializer, @Nullable TransportPrincipal principal,
            Executor closer) {
        this.session = session;
        this.closer = closer;
        this.serializer = serializer;
        this.info = new TransportInfo("websocket", serializer.name(), session.getRemoteAddress(), principal);
        this.async = JAKARTA_PRESENT ? asyncRemote(session) : null;
    }

    private static RemoteEndpoint.@Nullable Async asyncRemote(WebSocketSession session) {
        if (session instanceof org.springframework.web.socket.adapter.NativeWebSocketSession nativeSession) {
            jakarta.websocket.Session jakartaSession = nativeSession.getNativeSession(jakarta.websocket.Session.class);
            return jakartaSession != null ? jakartaSession.getAsyncRemote() : null;
        }
        return null;
    }

    @Override
    public void write(byte[] frame, WriteCallback callback) {
        if (async != null) {
            jakarta.websocket.SendHandler handler =
                    result -> callback.completed(result.isOK() ? null : result.getException());
            if (serializer.isBinary()) {
                async.sendBinary(ByteBuffer.wrap(frame), handler);
            }
            else {
                async.sendText(new String(frame, StandardCharsets.UTF_8), handler);
            }
            return;
        }
        try {
            session.sendMessage(serializer.isBinary() ? new BinaryMessage(frame) : new TextMessage(frame));
            callback.completed(null);
        }
        catch (IOException | RuntimeException ex) {
            callback.completed(ex);
        }
    }

    /**
     * Closes on a thread of its own: the container writes the close frame blocking, and behind a write still in flight
     * to a stalled peer that can take its full send timeout, which must not stall the thread that decided to close
     * (a publisher, a shutdown).
     */
    @Override
    public void close(CloseReason reason) {
        CloseStatus status = switch (reason) {
            case NORMAL -> CloseStatus.NORMAL;
            case PROTOCOL_ERROR -> CloseStatus.PROTOCOL_ERROR;
            case MESSAGE_TOO_BIG -> CloseStatus.TOO_BIG_TO_PROCESS;
            case SLOW_CONSUMER -> CloseStatus.POLICY_VIOLATION.withReason("send buffer overflow");
            case SHUTDOWN -> CloseStatus.GOING_AWAY;
        };
        try {
            closer.execute(() -> close(status));
        }
        catch (RejectedExecutionException ex) {
            // the router's executors have stopped: nothing is left to stall
            close(status);
        }
    }

    private void close(CloseStatus status) {
        try {
            session.close(status);
        }
        catch (IOException | RuntimeException ex) {
            logger.debug("Closing WebSocket session {} failed", session.getId(), ex);
        }
    }

    @Override
    public TransportInfo info() {
        return info;
    }
}
