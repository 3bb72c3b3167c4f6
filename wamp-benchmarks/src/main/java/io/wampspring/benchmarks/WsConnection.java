package io.wampspring.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A text WebSocket on the JDK client. Delivers whole messages, one at a time and in order, to its {@link Handler}
 * (the next one is requested only after the handler returns), and serialises sends, since the JDK WebSocket allows
 * only one outstanding send.
 */
final class WsConnection implements WebSocket.Listener {

    /** Receives one connection's events; called by one thread at a time. */
    interface Handler {

        void onText(String text);

        /** The connection ended: closed by the peer ({@code error == null}) or failed. */
        void onEnd(int statusCode, String reason, Throwable error);
    }

    private static final Object CLOSE = new Object();

    private final Handler handler;
    private final Queue<Object> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder parts = new StringBuilder();
    private volatile WebSocket socket;

    private WsConnection(Handler handler) {
        this.handler = handler;
    }

    static CompletableFuture<WsConnection> open(HttpClient client, URI uri, String subprotocol, Handler handler) {
        WsConnection connection = new WsConnection(handler);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        return builder.buildAsync(uri, connection).thenApply(socket -> {
            if (subprotocol != null && !subprotocol.equals(socket.getSubprotocol())) {
                socket.abort();
                throw new IllegalStateException("server did not accept subprotocol " + subprotocol + " but '"
                        + socket.getSubprotocol() + "'");
            }
            connection.socket = socket;
            return connection;
        });
    }

    /** Queues a text message; sent after those queued before it. */
    void send(String text) {
        outbound.add(text);
        pump();
    }

    /** Sends a normal close after everything queued so far. */
    void close() {
        outbound.add(CLOSE);
        pump();
    }

    /** Drops the connection at once. */
    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private void pump() {
        while (sending.compareAndSet(false, true)) {
            Object next = outbound.poll();
            if (next == null) {
                sending.set(false);
                if (outbound.isEmpty()) {
                    return;
                }
                continue;
            }
            WebSocket current = socket;
            CompletableFuture<WebSocket> sent = next == CLOSE
                    ? current.sendClose(WebSocket.NORMAL_CLOSURE, "")
                    : current.sendText((String) next, true);
            sent.whenComplete((ignored, error) -> {
                if (error != null) {
                    end(-1, "send failed", error);
                }
                sending.set(false);
                pump();
            });
            return;
        }
    }

    private void end(int statusCode, String reason, Throwable error) {
        if (ended.compareAndSet(false, true)) {
            handler.onEnd(statusCode, reason, error);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String whole;
        if (!last) {
            parts.append(data);
            webSocket.request(1);
            return null;
        }
        if (parts.length() > 0) {
            whole = parts.append(data).toString();
            parts.setLength(0);
        }
        else {
            whole = data.toString();
        }
        try {
            handler.onText(whole);
        }
        finally {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end(statusCode, reason, null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end(-1, "error", error);
    }
}
