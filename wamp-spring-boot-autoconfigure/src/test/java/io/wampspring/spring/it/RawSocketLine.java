package io.wampspring.spring.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A RawSocket client speaking JSON, frame by frame, over a plain TCP socket. */
final class RawSocketLine implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    final InputStream in;

    private RawSocketLine(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    static RawSocketLine open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return over(socket);
    }

    /** Over a socket connected already, such as a TLS one. */
    static RawSocketLine over(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new RawSocketLine(socket);
    }

    /** Sends the 4-octet handshake with this second octet; returns the reply's 4 octets as unsigned ints. */
    int[] handshake(int lengthAndSerializer) throws IOException {
        out.write(new byte[] {0x7F, (byte) lengthAndSerializer, 0, 0});
        out.flush();
        byte[] reply = new DataInputStream(in).readNBytes(4);
        int[] octets = new int[reply.length];
        for (int i = 0; i < reply.length; i++) {
            octets[i] = reply[i] & 0xFF;
        }
        return octets;
    }

    void send(String json) throws IOException {
        byte[] message = json.getBytes(StandardCharsets.UTF_8);
        out.write(new byte[] {0, (byte) (message.length >> 16), (byte) (message.length >> 8),
                (byte) message.length});
        out.write(message);
        out.flush();
    }

    /** The next WAMP message, skipping PINGs the router might send. */
    String receive() throws IOException {
        DataInputStream data = new DataInputStream(in);
        while (true) {
            int header = data.readInt();
            byte[] payload = new byte[header & 0xFFFFFF];
            data.readFully(payload);
            if ((header >>> 24 & 0x07) == 0) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
