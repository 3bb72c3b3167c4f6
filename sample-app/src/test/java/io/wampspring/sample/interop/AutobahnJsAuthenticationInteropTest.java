package io.wampspring.sample.interop;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.JoinOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * autobahn-js 26 authenticating with its own onchallenge helpers ({@code auth_cra.derive_key}, {@code auth_cra.sign},
 * {@code auth_cryptosign.sign_challenge}), over JSON.
 */
class AutobahnJsAuthenticationInteropTest extends AbstractAuthenticationInteropTest {

    @LocalServerPort
    int port;

    private NodeWampClient client;

    @BeforeAll
    void startDriver() throws IOException {
        client = NodeWampClient.start("autobahn");
    }

    @AfterAll
    void stopDriver() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    JoinOutcome join(String method, @Nullable String authid, String credential) {
        Map<String, Object> auth = new LinkedHashMap<>();
        if (authid != null) {
            auth.put("authid", authid);
        }
        auth.put("methods", List.of(method));
        auth.put(switch (method) {
            case "ticket" -> "ticket";
            case "wampcra" -> "secret";
            default -> "privateKey";
        }, credential);
        return client.join("ws://127.0.0.1:" + port + "/ws", REALM, "json", auth);
    }
}
