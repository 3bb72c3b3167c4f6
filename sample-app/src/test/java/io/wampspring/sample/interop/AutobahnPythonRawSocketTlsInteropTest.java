package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * autobahn-python's Twisted RawSocket client over TLS ({@code rss://}): the sample's RawSocket port serves a PEM SSL
 * bundle holding a certificate made for this run, which OpenSSL trusts through {@code SSL_CERT_FILE}; the
 * scenario of {@code wamp_client.py} runs with json (calls, events, WampTemplate's calls to it).
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0", "wamp.rawsocket.ssl.bundle=rawsocket"})
@Import(InteropTestBeans.class)
class AutobahnPythonRawSocketTlsInteropTest {

    private static final String[] PEM = AutobahnJsTlsInteropTest.selfSigned();

    @DynamicPropertySource
    static void sslBundle(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.pem.rawsocket.keystore.certificate", () -> PEM[0]);
        registry.add("spring.ssl.bundle.pem.rawsocket.keystore.private-key", () -> PEM[1]);
    }

    @Value("${local.wamp.rawsocket.port}")
    int rawSocketPort;

    static boolean pythonHasAutobahnAndTls() throws Exception {
        return PythonScripts.canImport("autobahn.twisted.wamp, OpenSSL, service_identity");
    }

    @Test
    @EnabledIf(value = "pythonHasAutobahnAndTls", disabledReason = "/usr/bin/python3 (or -Dwamp.interop.python) cannot "
            + "import autobahn, OpenSSL and service_identity: apt-get install python3-autobahn python3-openssl "
            + "python3-service-identity")
    void autobahnPythonJoinsOverRawSocketTls() throws Exception {
        Path caFile = Files.createTempFile("wamp-test-ca", ".pem");
        try {
            Files.writeString(caFile, PEM[0]);
            Map<String, Object> observed = PythonScripts.run("wamp_client.py", Duration.ofSeconds(90),
                    Map.of("SSL_CERT_FILE", caFile.toString()), "rss://127.0.0.1:" + rawSocketPort, "realm1", "json",
                    UUID.randomUUID().toString());
            assertThat(observed.get("serializer")).isEqualTo("json");
            assertThat(observed.get("add2")).isEqualTo(5);
            assertThat(((Number) observed.get("publication")).longValue()).isPositive();
        }
        finally {
            Files.deleteIfExists(caFile);
        }
    }
}
