package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.JoinOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample's own {@code secure} realm, as its application.yml configures it and README documents it: each demo
 * principal joins with its method and role (autobahn-js for ticket, wampcra and cryptosign, autobahn-python for
 * wamp-scram), a user may call under com.shop. but not the meta API, an admin may, and nobody joins anonymously.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleSecureRealmTest {

    private static final String NOT_AUTHORIZED = "wamp.error.not_authorized";

    @LocalServerPort
    int port;

    private NodeWampClient client;

    @BeforeEach
    void startDriver() throws IOException {
        client = NodeWampClient.start("autobahn");
    }

    @AfterEach
    void stopDriver() {
        client.close();
    }

    @Test
    void aliceWithHerTicketIsAUserWhoMayCallTheShopButNotTheMetaApi() {
        assertThat(join(Map.of("authid", "alice", "methods", List.of("ticket"), "ticket", "alice-ticket")))
                .isEqualTo(new JoinOutcome("alice", "user", "ticket", null));

        assertThat(client.call("com.shop.account.whoami", null, null).args())
                .containsExactly(Map.of("authid", "alice", "authrole", "user"));
        assertThat(client.call("wamp.session.count", null, null).error()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void bobWithWampCraIsAUser() {
        assertThat(join(Map.of("authid", "bob", "methods", List.of("wampcra"), "secret", "bob-secret")))
                .isEqualTo(new JoinOutcome("bob", "user", "wampcra", null));
        assertThat(client.call("com.shop.account.whoami", null, null).args())
                .containsExactly(Map.of("authid", "bob", "authrole", "user"));
    }

    @Test
    void carolWithHerKeyIsAnAdminWhoMayUseTheMetaApi() {
        assertThat(join(Map.of("authid", "carol", "methods", List.of("cryptosign"), "privateKey",
                AbstractAuthenticationInteropTest.CAROL_SEED)))
                .isEqualTo(new JoinOutcome("carol", "admin", "cryptosign", null));

        WampReply count = client.call("wamp.session.count", null, null);
        assertThat(count.error()).isNull();
        assertThat(((Number) count.args().get(0)).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWrongSecretOrAnAnonymousClientIsTurnedAway() {
        assertThat(join(Map.of("authid", "bob", "methods", List.of("wampcra"), "secret", "alice-ticket"))
                .abortReason()).isEqualTo("wamp.error.authentication_failed");
        assertThat(join(Map.of("methods", List.of("anonymous"))).abortReason())
                .isEqualTo("wamp.error.no_matching_auth_method");
    }

    @Test
    @EnabledIf(value = "io.wampspring.sample.interop.AutobahnPythonScramInteropTest#pythonHasAutobahnScram",
            disabledReason = "/usr/bin/python3 cannot import autobahn.twisted.wamp, argon2 and cbor2: apt-get install "
                    + "python3-autobahn python3-argon2 python3-cbor2")
    void daveWithWampScramIsAUser() throws Exception {
        Map<String, Object> outcome = AutobahnPythonScramInteropTest.runScramClient(port, "secure", "json", "dave",
                "dave-secret");
        assertThat(outcome).containsEntry("welcome",
                Map.of("authid", "dave", "authrole", "user", "authmethod", "scram"));
    }

    private JoinOutcome join(Map<String, Object> auth) {
        return client.join("ws://127.0.0.1:" + port + "/ws", "secure", "json", auth);
    }
}
