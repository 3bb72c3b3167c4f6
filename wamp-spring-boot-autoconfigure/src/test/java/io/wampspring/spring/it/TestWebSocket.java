package io.wampspring.spring.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The real WebSocket under {@link TestWampClient} (the JDK's {@link java.net.http.WebSocket}): it sends in order from
 * one thread, assembles partial frames of any size into whole ones (a {@link String} or a {@code byte[]}), and
 * records how the connection closed.
 */
final class TestWebSocket {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Duration timeout;
    private final WebSocket webSocket;
    private final ExecutorService sender;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Consumer<Object> frames;
    private volatile boolean readingPaused;

    /** Opens the WebSocket offering exactly these subprotocols; {@code frames} gets none before startReading(). */
    TestWebSocket(URI uri, Duration timeout, Consumer<Object> frames, String... subprotocols) {
        this(HTTP, java.util.Map.of(), uri, timeout, frames, subprotocols);
    }

    /** As above, sending these HTTP headers (such as Authorization) with the handshake. */
    TestWebSocket(URI uri, Duration timeout, Consumer<Object> frames, java.util.Map<String, String> headers,
            String... subprotocols) {
        this(HTTP, headers, uri, timeout, frames, subprotocols);
    }

    /**
     * Opens the WebSocket through {@code http} (a client with its own TLS trust, say) with these extra handshake
     * {@code headers} (an Origin, say).
     */
    TestWebSocket(HttpClient http, java.util.Map<String, String> headers, URI uri, Duration timeout,
            Consumer<Object> frames, String... subprotocols) {
        this.timeout = timeout;
        this.frames = frames;
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-wamp-client-sender");
            thread.setDaemon(true);
            return thread;
        });
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.webSocket = builder.buildAsync(uri, new Listener()).orTimeout(timeout.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Asks for the first frame: called once whoever receives the frames is fully built. */
    void startReading() {
        webSocket.request(1);
    }

    /** Stops asking the WebSocket for more messages: what the server sends piles up in the TCP buffers. */
    void pauseReading() {
        readingPaused = true;
    }

    Future<?> sendText(String text) {
        return sender.submit(() -> webSocket.sendText(text, true).join());
    }

    Future<?> sendBinary(byte[] bytes) {
        return sender.submit(() -> webSocket.sendBinary(ByteBuffer.wrap(bytes), true).join());
    }

    /**
     * Sends one message as a first frame and continuation frames of at most {@code partSize} bytes (characters, for
     * text; a surrogate pair is never split), as a client that streams a large message does.
     */
    Future<?> sendInParts(Object message, int partSize) {
        return sender.submit(() -> {
            if (message instanceof String text) {
                for (int start = 0; start < text.length(); ) {
                    int end = Math.min(text.length(), start + partSize);
                    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                        end--;
                    }
                    webSocket.sendText(text.substring(start, end), end == text.length()).join();
                    start = end;
                }
            }
            else {
                byte[] bytes = (byte[]) message;
                for (int start = 0; start < bytes.length; start += partSize) {
                    int end = Math.min(bytes.length, start + partSize);
                    webSocket.sendBinary(ByteBuffer.wrap(bytes, start, end - start), end == bytes.length).join();
                }
            }
        });
    }

    /** The subprotocol the server accepted ("" when none). */
    String subprotocol() {
        return webSocket.getSubprotocol();
    }

    /** Completes with the WebSocket close status code once the server closed the connection (or it failed: -1). */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Drops the connection without a close handshake, as a network failure or a killed client would. */
    void abort() {
        webSocket.abort();
        sender.shutdownNow();
    }

    /** Closes the WebSocket normally and waits (briefly) for the server's close. */
    void close() {
        try {
            // a client that stopped reading would never see the server's answer to its close
            if (!closed.isDone() && !webSocket.isOutputClosed() && !readingPaused) {
                sender.submit(() -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join())
                        .get(timeout.toSeconds(), TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS);
            }
        }
        catch (Exception ex) {
            // the server did not answer the close in time: drop the connection
        }
        finally {
            webSocket.abort();
            sender.shutdownNow();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public void onOpen(WebSocket webSocket) {
            // no request yet: startReading() asks for the first frame
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                frames.accept(frame);
            }
            if (!readingPaused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                byte[] frame = binary.toByteArray();
                binary.reset();
                frames.accept(frame);
            }
            if (!readingPaused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
