package io.wampspring.spring.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.WampConnection;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.TransportPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Connects WebSocket sessions to the router. Negotiates {@code wamp.2.json}, {@code wamp.2.msgpack} and
 * {@code wamp.2.cbor}; takes messages in parts so the container's small default buffers suffice for messages up
 * to {@code maxMessageSize}, assembling each in a buffer that grows only as needed. Because of that, the container's
 * own per-session message buffer can be small ({@link #setContainerMessageBufferSize}).
 */
public final class WampWebSocketHandler implements WebSocketHandler, SubProtocolCapable {

    private static final Logger logger = LoggerFactory.getLogger(WampWebSocketHandler.class);

    /** Tomcat's WebSocket session: its message buffers are only buffers, not a limit on what arrives in parts. */
    private static final String TOMCAT_SESSION = "org.apache.tomcat.websocket.WsSession";

    private final WampRouter router;
    private final List<WampSerializer> serializers;
    private final int maxMessageSize;
    private volatile HandshakePrincipalConverter principals = HandshakePrincipalConverter.NAME_ONLY;
    private volatile int containerMessageBufferSize;
    /**
     * Each open connection's assembly of incoming messages. Here rather than in the session's attributes, which
     * would allocate a table per session for this one entry.
     */
    private final Map<WebSocketSession, Inbound> inbounds = new ConcurrentHashMap<>();

    public WampWebSocketHandler(WampRouter router, List<WampSerializer> serializers, int maxMessageSize) {
        this.router = router;
        this.serializers = List.copyOf(serializers);
        this.maxMessageSize = maxMessageSize;
    }

    /** How the handshake's principal reaches the router (the {@code http} authentication method reads it). */
    public void setPrincipalConverter(HandshakePrincipalConverter principals) {
        this.principals = principals;
    }

    /**
     * The size, in bytes (text: characters), of the message buffers Tomcat keeps for each WAMP session; 0 leaves
     * the container's default (8 KiB each). Tomcat resizes a session's buffer when the next message of its kind
     * starts, so the serializer's buffer shrinks at HELLO (the other kind's keeps the container's default). A message
     * larger than the buffer still arrives whole: in parts, assembled here. On other containers it does nothing
     * (Jetty's equivalent is a limit on the message's size).
     */
    public void setContainerMessageBufferSize(int bytes) {
        this.containerMessageBufferSize = bytes;
    }

    @Override
    public List<String> getSubProtocols() {
        return serializers.stream().map(WampSerializer::subprotocol).toList();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        WampSerializer serializer = serializerFor(session.getAcceptedProtocol());
        if (serializer == null) {
            logger.debug("WebSocket session {} negotiated no WAMP subprotocol ({})", session.getId(),
                    session.getAcceptedProtocol());
            session.close(CloseStatus.PROTOCOL_ERROR.withReason("no supported WAMP subprotocol offered"));
            return;
        }
        Principal handshake = session.getPrincipal();
        TransportPrincipal principal = handshake != null ? principals.convert(handshake) : null;
        WampConnection connection = router.connect(
                new WebSocketTransport(session, serializer, principal, router.executors().closer()), serializer);
        shrinkContainerBuffers(session);
        inbounds.put(session, new Inbound(connection, serializer.isBinary(), maxMessageSize));
    }

    private void shrinkContainerBuffers(WebSocketSession session) {
        int size = containerMessageBufferSize;
        if (size > 0 && session instanceof NativeWebSocketSession nativeSession) {
            Object container = nativeSession.getNativeSession();
            if (container != null && container.getClass().getName().equals(TOMCAT_SESSION)) {
                session.setTextMessageSizeLimit(size);
                session.setBinaryMessageSizeLimit(size);
            }
        }
    }

    private @Nullable WampSerializer serializerFor(@Nullable String subprotocol) {
        for (WampSerializer serializer : serializers) {
            if (serializer.subprotocol().equals(subprotocol)) {
                return serializer;
            }
        }
        return null;
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
        Inbound inbound = inbounds.get(session);
        if (inbound == null || message instanceof PongMessage || message instanceof PingMessage) {
            return;
        }
        if (message instanceof TextMessage text) {
            inbound.text(text.getPayload(), text.isLast());
        }
        else if (message instanceof BinaryMessage binary) {
            inbound.binary(binary.getPayload(), binary.isLast());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        logger.debug("Transport error on WebSocket session {}", session.getId(), exception);
        if (isConnectionLost(exception)) {
            // the peer is gone (reset, or closed without a close frame): Tomcat reports the close only after a pause
            // of its own, so the WAMP session ends now and a caller waiting on this callee gets its ERROR at once
            connectionClosed(session);
        }
    }

    private static boolean isConnectionLost(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
        connectionClosed(session);
    }

    private void connectionClosed(WebSocketSession session) {
        Inbound inbound = inbounds.remove(session);
        if (inbound != null) {
            inbound.connection.onClose();
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    /**
     * Assembles one connection's incoming messages from their parts. The container delivers a session's parts one
     * at a time, so no locking is needed.
     */
    private static final class Inbound {

        private final WampConnection connection;
        private final boolean binaryExpected;
        private final int limit;
        private @Nullable StringBuilder text;
        /** UTF-8 bytes of the text assembled so far: the limit is in bytes, as on the wire. */
        private long textBytes;
        private byte @Nullable [] bytes;
        private int length;
        private boolean discarding;

        Inbound(WampConnection connection, boolean binaryExpected, int limit) {
            this.connection = connection;
            this.binaryExpected = binaryExpected;
            this.limit = limit;
        }

        void text(String part, boolean last) {
            if (binaryExpected) {
                if (last) {
                    connection.onWrongFrameType(false);
                }
                return;
            }
            if (text == null && last) {
                // the common case: the whole message in one part, no copy; a char is at most 3 UTF-8 bytes, so
                // only a part that might exceed the limit is measured
                if (3L * part.length() > limit && utf8Length(part) > limit) {
                    connection.onMessageTooBig(utf8Length(part), limit);
                    return;
                }
                connection.onFrame(part);
                return;
            }
            long partBytes = discarding ? 0 : utf8Length(part);
            if (text == null) {
                text = new StringBuilder(Math.min(limit, Math.max(part.length() * 2, 1024)));
                textBytes = 0;
            }
            if (!discarding && textBytes + partBytes > limit) {
                discarding = true;
                connection.onMessageTooBig(textBytes + partBytes, limit);
            }
            if (!discarding) {
                text.append(part);
                textBytes += partBytes;
            }
            if (last) {
                StringBuilder whole = text;
                boolean tooBig = discarding;
                text = null;
                textBytes = 0;
                discarding = false;
                if (!tooBig) {
                    connection.onFrame(whole.toString());
                }
            }
        }

        /**
         * The UTF-8 length of a part. A surrogate pair counts four bytes at its high half, so a pair split between
         * two parts is counted once.
         */
        private static long utf8Length(String part) {
            long bytes = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < 0x80) {
                    bytes++;
                }
                else if (c < 0x800) {
                    bytes += 2;
                }
                else if (Character.isHighSurrogate(c)) {
                    bytes += 4;
                }
                else if (!Character.isLowSurrogate(c)) {
                    bytes += 3;
                }
            }
            return bytes;
        }

        void binary(ByteBuffer part, boolean last) {
            if (!binaryExpected) {
                if (last) {
                    connection.onWrongFrameType(true);
                }
                return;
            }
            int size = part.remaining();
            if (bytes == null && last) {
                if (size > limit) {
                    connection.onMessageTooBig(size, limit);
                    return;
                }
                byte[] frame = new byte[size];
                part.get(frame);
                connection.onFrame(frame);
                return;
            }
            if (!discarding && (long) length + size > limit) {
                discarding = true;
                connection.onMessageTooBig((long) length + size, limit);
            }
            if (!discarding) {
                if (bytes == null) {
                    bytes = new byte[Math.min(limit, Math.max(size * 2, 1024))];
                }
                else if (length + size > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2,
                            (long) length + size)));
                }
                part.get(bytes, length, size);
                length += size;
            }
            if (last) {
                byte[] whole = bytes;
                int wholeLength = length;
                boolean tooBig = discarding;
                bytes = null;
                length = 0;
                discarding = false;
                if (!tooBig && whole != null) {
                    connection.onFrame(whole.length == wholeLength ? whole : java.util.Arrays.copyOf(whole, wholeLength));
                }
            }
        }
    }
}
