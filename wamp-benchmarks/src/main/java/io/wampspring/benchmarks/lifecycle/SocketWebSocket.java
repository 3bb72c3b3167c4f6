package io.wampspring.benchmarks.lifecycle;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A blocking WebSocket client over a plain {@link Socket}, written from RFC 6455 for the lifecycle scenarios: the
 * handshake, masked text frames out, unfragmented text frames in, the close handshake, and dropping the TCP
 * connection without a close frame (FIN or RST), which no WebSocket library offers. It costs the client far less
 * CPU per connection than the JDK's {@code HttpClient}, so more of the shared machine is left to the server.
 */
final class SocketWebSocket implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private SocketWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 4096));
        this.out = socket.getOutputStream();
    }

    /** Connects and completes the handshake offering {@code subprotocol}, which the server must accept. */
    static SocketWebSocket open(URI uri, String subprotocol) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        SocketWebSocket ws = new SocketWebSocket(socket);
        try {
            ws.handshake(uri, subprotocol);
        }
        catch (IOException | RuntimeException ex) {
            socket.close();
            throw ex;
        }
        return ws;
    }

    private void handshake(URI uri, String subprotocol) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + subprotocol + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + status);
        }
        boolean accepted = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            accepted |= header.toLowerCase(Locale.ROOT).equals("sec-websocket-protocol: " + subprotocol);
        }
        if (!accepted) {
            throw new IOException("the server did not accept subprotocol " + subprotocol);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int opcode, byte[] payload) throws IOException {
        int header = payload.length < 126 ? 6 : 8;
        byte[] frame = new byte[header + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        if (payload.length < 126) {
            frame[1] = (byte) (0x80 | payload.length);
        }
        else if (payload.length < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        }
        else {
            throw new IllegalArgumentException("frames up to 64 KiB only");
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header - 4 + i] = (byte) (mask >> (8 * i));
        }
        for (int i = 0; i < payload.length; i++) {
            frame[header + i] = (byte) (payload[i] ^ frame[header - 4 + (i & 3)]);
        }
        out.write(frame);
        out.flush();
    }

    /** The next text message; pings are skipped, and a close frame ends the read with an {@link EOFException}. */
    String receiveText() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            int length = readLength();
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new EOFException("connection closed in a frame");
            }
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
            if (opcode == 0x8) {
                throw new EOFException("close frame");
            }
        }
    }

    private int readLength() throws IOException {
        int length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            return in.readUnsignedShort();
        }
        if (length == 127) {
            long longLength = in.readLong();
            if (longLength > Integer.MAX_VALUE) {
                throw new IOException("frame of " + longLength + " bytes");
            }
            return (int) longLength;
        }
        return length;
    }

    /**
     * Answers the server's close frame (the router closes after GOODBYE) and waits for the server to close the TCP
     * connection first, so the server, not this client's ephemeral ports, holds the TIME_WAIT.
     */
    void awaitServerClose() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            byte[] payload = in.readNBytes(readLength());
            if (opcode == 0x8) {
                send(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                break;
            }
        }
        drainToEof();
    }

    /** Starts the close handshake (1000), then waits for the server's close frame and end of stream. */
    void closeHandshake() throws IOException {
        send(0x8, new byte[] {0x03, (byte) 0xE8});
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            in.readNBytes(readLength());
            if (opcode == 0x8) {
                break;
            }
        }
        drainToEof();
    }

    private void drainToEof() throws IOException {
        while (in.read() >= 0) {
            // nothing follows a close frame; wait for the end of stream
        }
        socket.close();
    }

    /** Closes the TCP connection without a WebSocket close frame: the server sees a FIN. */
    void dropWithFin() throws IOException {
        socket.close();
    }

    /** Resets the TCP connection: with a linger time of zero, closing sends a RST instead of a FIN. */
    void dropWithReset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
