package io.wampspring.sample.interop;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * autobahn-js 26 over {@code wss://}: the sample app serves TLS through a PEM SSL bundle holding a certificate made
 * for this run, and Node trusts it through {@code NODE_EXTRA_CA_CERTS}, as a deployment with a private CA would. The
 * session joins and calls an annotated procedure over the real TLS handshake of Node's own WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.ssl.bundle=wamp"})
@ActiveProfiles("interop") // anonymous may call com.example.add2, as in the other interop tests
class AutobahnJsTlsInteropTest {

    private static final String[] PEM = selfSigned();
    private static Path caFile;

    @DynamicPropertySource
    static void sslBundle(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.pem.wamp.keystore.certificate", () -> PEM[0]);
        registry.add("spring.ssl.bundle.pem.wamp.keystore.private-key", () -> PEM[1]);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void deleteCaFile() throws IOException {
        if (caFile != null) {
            Files.deleteIfExists(caFile);
        }
    }

    @Test
    void autobahnJsJoinsAndCallsOverTls() throws IOException {
        caFile = Files.createTempFile("wamp-test-ca", ".pem");
        Files.writeString(caFile, PEM[0]);
        try (NodeWampClient client = NodeWampClient.start("autobahn",
                Map.of("NODE_EXTRA_CA_CERTS", caFile.toString()))) {
            client.connect("wss://127.0.0.1:" + port + "/ws", "realm1", "json");
            WampReply reply = client.call("com.example.add2", List.of(2, 3), null);
            assertThat(reply.isError()).as("%s", reply).isFalse();
            assertThat(reply.args()).containsExactly(5L);
        }
    }

    /** A self-signed EC certificate for 127.0.0.1 and its key, as PEM: {certificate, private key}. */
    static String[] selfSigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=wamp-spring-boot-starter interop test");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new String[] {pem("CERTIFICATE", certificate.getEncoded()),
                    pem("PRIVATE KEY", keys.getPrivate().getEncoded())};
        }
        catch (Exception ex) {
            throw new IllegalStateException("cannot make a test certificate", ex);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
