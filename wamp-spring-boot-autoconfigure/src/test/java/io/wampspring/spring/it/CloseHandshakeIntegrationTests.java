package io.wampspring.spring.it;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket closing handshake (RFC 6455, 7.1), watched on a bare socket: when the router closes, its close frame
 * follows the ABORT and the TCP connection stays open until the client's close frame answers it, then the server
 * closes TCP; when the client closes, the server echoes the close frame and closes TCP. A server that dropped the
 * TCP connection right after its close frame would leave clients with an abnormal closure (1006).
 */
class CloseHandshakeIntegrationTests extends AbstractWampIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long the connection must stay open after the router's close frame (the close timeout is 5 s). */
    private static final Duration HELD_OPEN = Duration.ofSeconds(1);

    private static final int PROTOCOL_ERROR = 1002;

    @Test
    void routerCloseWaitsForTheClientsCloseFrameBeforeClosingTcp() throws IOException {
        try (SocketWebSocket socket = new SocketWebSocket(port, "wamp.2.json", WAIT)) {
            socket.sendText("[99, 1, {}]");
            SocketWebSocket.Frame abort = socket.nextFrame();
            assertThat(abort.opcode()).isEqualTo(SocketWebSocket.TEXT);
            assertThat(abort.text()).startsWith("[3,").contains("wamp.error.protocol_violation");
            SocketWebSocket.Frame close = socket.nextFrame();
            assertThat(close.opcode()).isEqualTo(SocketWebSocket.CLOSE);
            assertThat(close.closeCode()).isEqualTo(PROTOCOL_ERROR);

            // a bounded look for an early end of the stream, not a synchronisation: it must not come yet
            socket.readTimeout(HELD_OPEN);
            assertThat(socket.serverClosedTcp()).as("TCP stays open until the client answers").isFalse();

            socket.readTimeout(WAIT);
            socket.sendClose(PROTOCOL_ERROR);
            assertThat(socket.serverClosedTcp()).as("the server closes TCP once the handshake is done").isTrue();
        }
        assertRouterStillServes("json");
    }

    @Test
    void clientCloseIsEchoedThenTheServerClosesTcp() throws IOException {
        try (SocketWebSocket socket = new SocketWebSocket(port, "wamp.2.json", WAIT)) {
            socket.sendText("[1, \"realm1\", {\"roles\": {\"caller\": {}}}]");
            assertThat(socket.nextFrame().text()).as("WELCOME").startsWith("[2,");
            socket.sendClose(1000);
            SocketWebSocket.Frame echo = socket.nextFrame();
            assertThat(echo.opcode()).isEqualTo(SocketWebSocket.CLOSE);
            assertThat(echo.closeCode()).isEqualTo(1000);
            assertThat(socket.serverClosedTcp()).isTrue();
        }
        assertRouterStillServes("json");
    }
}
