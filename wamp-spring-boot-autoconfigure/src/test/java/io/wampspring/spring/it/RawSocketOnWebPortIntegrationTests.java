package io.wampspring.spring.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.autoconfigure.WampTransportInfo;
import io.wampspring.rawsocket.SharedPortRawSocket;
import io.wampspring.router.message.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RawSocket on the reactive web server's port ({@code wamp.rawsocket.web-port}): a client opening with the magic
 * octet 0x7F is a RawSocket session of the same router as the WebSocket clients on that port, and HTTP goes on.
 */
@ReactiveTransport
@TestPropertySource(properties = "wamp.rawsocket.web-port=true")
class RawSocketOnWebPortIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    SharedPortRawSocket rawSocket;

    @Autowired
    List<WampTransportInfo> transports;

    @Test
    void aRawSocketClientJoinsOnTheWebPortAndCallsAnAnnotatedProcedure() throws IOException {
        try (RawSocketLine client = RawSocketLine.open(port)) {
            assertThat(client.handshake(0xF1)).containsExactly(0x7F, 0xF1, 0, 0);
            client.send("[1,\"realm1\",{\"roles\":{\"caller\":{},\"publisher\":{}}}]");
            assertThat(client.receive()).startsWith("[2,");
            assertThat(rawSocket.openConnections()).isEqualTo(1);
            client.send("[48,1,{},\"test.add\",[20,22]]");
            assertThat(client.receive()).isEqualTo("[50,1,{},[42]]");
        }
    }

    @Test
    void rawSocketAndWebSocketSessionsOnOnePortReachEachOther() throws Exception {
        TestWampClient subscriber = join("json");
        BlockingQueue<Event> events = subscriber.subscribe("test.webport.news");
        try (RawSocketLine publisher = RawSocketLine.open(port)) {
            publisher.handshake(0xF1);
            publisher.send("[1,\"realm1\",{\"roles\":{\"publisher\":{}}}]");
            assertThat(publisher.receive()).startsWith("[2,");
            publisher.send("[16,7,{\"acknowledge\":true},\"test.webport.news\",[\"over RawSocket\"]]");
            assertThat(publisher.receive()).startsWith("[17,7,");
        }
        Event event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.payload().args()).containsExactly("over RawSocket");
    }

    /** Serializer 0 is illegal: the spec's error reply 1 (serializer unsupported), then the connection closes. */
    @Test
    void aBadHandshakeGetsTheSpecsErrorReplyAndAClose() throws IOException {
        try (RawSocketLine client = RawSocketLine.open(port)) {
            assertThat(client.handshake(0xF0)).containsExactly(0x7F, 0x10, 0, 0);
            assertThat(client.in.read()).as("end of stream").isEqualTo(-1);
        }
        assertRouterStillServes("cbor");
    }

    @Test
    void httpIsServedAsBeforeOnThePort() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 404");
        }
        assertRouterStillServes("json");
    }

    /** The start-up line lists each transport's description: RawSocket's sits beside the WebSocket one. */
    @Test
    void theStartUpLineNamesRawSocketOnTheWebPort() {
        assertThat(transports).extracting(WampTransportInfo::describe)
                .contains("RawSocket on the web port (json, msgpack, cbor; messages up to 16MB)")
                .anyMatch(line -> line.startsWith("WebSocket /ws on Reactor Netty"));
    }
}
