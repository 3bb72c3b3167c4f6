package io.wampspring.autoconfigure;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.wampspring.rawsocket.RawSocketServer;
import io.wampspring.rawsocket.SharedPortRawSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** wamp.rawsocket: off by default, started with the application (no web server needed), its port published. */
@ExtendWith(OutputCaptureExtension.class)
class WampRawSocketAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WampAutoConfiguration.class, WampRawSocketAutoConfiguration.class));

    @Test
    void isOffByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RawSocketServer.class));
    }

    @Test
    void listensWithoutAWebServerPublishesItsPortAndStopsWithTheApplication(CapturedOutput output) throws Exception {
        int[] port = new int[1];
        runner.withPropertyValues("wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RawSocketServer.class);
            port[0] = context.getEnvironment().getRequiredProperty("local.wamp.rawsocket.port", Integer.class);
            assertThat(port[0]).isPositive().isEqualTo(context.getBean(RawSocketServer.class).localAddress().getPort());
            // wamp.max-message-size (16MB) announced as exponent 15; the client's serializer (cbor, 3) echoed
            assertThat(handshake(port[0], 0xF3)).containsExactly(0x7F, 0xF3, 0, 0);
            assertThat(output.getOut()).contains("WAMP router on RawSocket rs://127.0.0.1:" + port[0]
                    + " (json, msgpack, cbor; messages up to 16MB); realms [realm1]");
        });
        assertThatThrownBy(() -> handshake(port[0], 0xF1)).isInstanceOf(ConnectException.class);
    }

    @Test
    void saysGoodbyeToRawSocketSessionsWhenTheApplicationStops() {
        runner.withPropertyValues("wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0", "wamp.close-timeout=3s")
                .run(context -> {
                    int port = context.getBean(RawSocketServer.class).localAddress().getPort();
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoTimeout(10000);
                        DataInputStream in = new DataInputStream(socket.getInputStream());
                        socket.getOutputStream().write(new byte[] {0x7F, (byte) 0xF1, 0, 0});
                        in.readFully(new byte[4]);
                        writeFrame(socket, "[1,\"realm1\",{\"roles\":{\"caller\":{}}}]");
                        assertThat(readFrame(in)).startsWith("[2,");
                        CompletableFuture<String> goodbye = CompletableFuture.supplyAsync(() -> {
                            try {
                                String received = readFrame(in);
                                writeFrame(socket, "[6,{},\"wamp.close.goodbye_and_out\"]");
                                return received;
                            }
                            catch (IOException ex) {
                                throw new UncheckedIOException(ex);
                            }
                        });
                        context.close();
                        assertThat(goodbye.get(10, TimeUnit.SECONDS))
                                .startsWith("[6,").endsWith(",\"wamp.close.system_shutdown\"]");
                        assertThat(in.read()).isEqualTo(-1);
                    }
                });
    }

    private static void writeFrame(Socket socket, String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {0, 0, (byte) (payload.length >>> 8), (byte) payload.length});
        out.write(payload);
        out.flush();
    }

    private static String readFrame(DataInputStream in) throws IOException {
        byte[] payload = new byte[in.readInt() & 0xFFFFFF];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Test
    void announcesItsMaximumRoundedDownToAPowerOfTwoAndOnlyTheConfiguredSerializers() {
        runner.withPropertyValues("wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0",
                "wamp.rawsocket.max-message-size=100KB", "wamp.serializers=json").run(context -> {
                    int port = context.getBean(RawSocketServer.class).localAddress().getPort();
                    assertThat(handshake(port, 0xF1)).containsExactly(0x7F, 7 << 4 | 1, 0, 0); // 64KB
                    assertThat(handshake(port, 0xF2)).containsExactly(0x7F, 1 << 4, 0, 0); // msgpack: error 1
                });
    }

    @Test
    void failsClearlyWhenEnabledWithoutTheLibrary() {
        runner.withClassLoader(new FilteredClassLoader(RawSocketServer.class))
                .withPropertyValues("wamp.rawsocket.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("io.wampspring:wamp-rawsocket is not on the classpath"));
    }

    @Test
    void onTheWebPortFailsClearlyWithoutTheLibrary() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                        WampReactiveWebSocketAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(SharedPortRawSocket.class))
                .withPropertyValues("wamp.rawsocket.web-port=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("io.wampspring:wamp-rawsocket is not on the classpath"));
    }

    @Test
    void onTheWebPortOfAServletContainerFailsClearly() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                        WampWebSocketAutoConfiguration.class))
                .withPropertyValues("wamp.rawsocket.web-port=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("wamp.rawsocket.web-port needs the reactive transport"));
    }

    @Test
    void rejectsAnInvalidPort() {
        runner.withPropertyValues("wamp.rawsocket.enabled=true", "wamp.rawsocket.port=70000")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("rawsocket.port"));
    }

    private static int[] handshake(int port, int secondOctet) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {0x7F, (byte) secondOctet, 0, 0});
            byte[] reply = new byte[4];
            new DataInputStream(socket.getInputStream()).readFully(reply);
            int[] octets = new int[4];
            for (int i = 0; i < 4; i++) {
                octets[i] = reply[i] & 0xFF;
            }
            return octets;
        }
    }
}
