package io.wampspring.spring.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.autoconfigure.WampRawSocketAutoConfiguration;
import io.wampspring.rawsocket.RawSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RawSocket over TLS ({@code rss://}) from a Spring Boot SSL bundle: a TLS client that trusts the bundle's
 * certificate joins; a client that skips TLS gets no RawSocket reply.
 */
@ExtendWith(OutputCaptureExtension.class)
class RawSocketTlsIntegrationTests {

    private static final TestCertificate CERTIFICATE = TestCertificate.selfSigned();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WampAutoConfiguration.class,
                    WampRawSocketAutoConfiguration.class))
            .withPropertyValues("wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0",
                    "wamp.rawsocket.ssl.bundle=rawsocket",
                    "spring.ssl.bundle.pem.rawsocket.keystore.certificate=" + CERTIFICATE.certificatePem(),
                    "spring.ssl.bundle.pem.rawsocket.keystore.private-key=" + CERTIFICATE.privateKeyPem());

    @Test
    void joinsOverTlsWithTheBundlesCertificate(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RawSocketServer server = context.getBean(RawSocketServer.class);
            assertThat(server.url()).startsWith("rss://127.0.0.1:");
            assertThat(output.getOut()).contains("WAMP router on RawSocket " + server.url());
            try (SSLSocket socket = (SSLSocket) CERTIFICATE.trustingContext().getSocketFactory()
                    .createSocket("127.0.0.1", server.localAddress().getPort())) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                out.write(new byte[] {0x7F, (byte) 0xF1, 0, 0});
                out.flush();
                byte[] reply = new byte[4];
                in.readFully(reply);
                assertThat(reply).containsExactly(0x7F, 0xF1, 0, 0);
                byte[] hello = "[1,\"realm1\",{\"roles\":{\"caller\":{}}}]".getBytes(StandardCharsets.UTF_8);
                out.write(new byte[] {0, 0, 0, (byte) hello.length});
                out.write(hello);
                out.flush();
                byte[] welcome = new byte[in.readInt() & 0xFFFFFF];
                in.readFully(welcome);
                assertThat(new String(welcome, StandardCharsets.UTF_8)).startsWith("[2,");
            }
        });
    }

    @Test
    void aClientWithoutTlsGetsNoRawSocketReply() {
        // TLS waits for a whole record: the handshake timeout ends the connection
        runner.withPropertyValues("wamp.handshake-timeout=500ms").run(context -> {
            int port = context.getBean(RawSocketServer.class).localAddress().getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(new byte[] {0x7F, (byte) 0xF1, 0, 0});
                byte[] answer = socket.getInputStream().readNBytes(4);
                // whatever TLS says about the bytes (an alert, or nothing before closing), it is no handshake reply
                assertThat(answer).isNotEqualTo(new byte[] {0x7F, (byte) 0xF1, 0, 0});
            }
        });
    }
}
