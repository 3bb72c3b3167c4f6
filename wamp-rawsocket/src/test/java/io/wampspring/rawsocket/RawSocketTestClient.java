package io.wampspring.rawsocket;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A blocking RawSocket client written from the spec, for tests: raw octets in, raw octets out. */
final class RawSocketTestClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;

    RawSocketTestClient(InetSocketAddress address) throws IOException {
        socket.setTcpNoDelay(true);
        socket.connect(address, 5000);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte... octets) throws IOException {
        out.write(octets);
        out.flush();
    }

    /** Sends the handshake and returns the router's four-octet reply. */
    byte[] handshake(int lengthExponent, int serializerId) throws IOException {
        send((byte) 0x7F, (byte) (lengthExponent << 4 | serializerId), (byte) 0, (byte) 0);
        return readExactly(4);
    }

    void sendFrame(int type, byte[] payload) throws IOException {
        int header = type << 24 | payload.length;
        out.write(new byte[] {(byte) (header >>> 24), (byte) (header >>> 16), (byte) (header >>> 8), (byte) header});
        out.write(payload);
        out.flush();
    }

    void sendJson(String message) throws IOException {
        sendFrame(0, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame: its type and payload. */
    Frame readFrame() throws IOException {
        int header = in.readInt();
        byte[] payload = readExactly(header & 0xFFFFFF);
        return new Frame(header >>> 24, payload);
    }

    String readJson() throws IOException {
        Frame frame = readFrame();
        if (frame.type() != 0) {
            throw new IOException("expected a WAMP message, got frame type " + frame.type());
        }
        return frame.text();
    }

    byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Whether the router closed the connection (end of stream) with nothing more to read. */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        }
        catch (SocketTimeoutException ex) {
            return false;
        }
        catch (EOFException | java.net.SocketException ex) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Frame(int type, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
