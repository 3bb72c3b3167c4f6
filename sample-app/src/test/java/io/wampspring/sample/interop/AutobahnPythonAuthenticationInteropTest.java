package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.JoinOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * autobahn-python (Debian's python3-autobahn, Twisted) authenticating with its own helpers ({@code compute_wcs},
 * {@code derive_key}, {@code CryptosignKey.sign_challenge}) over MessagePack: src/test/python/auth_client.py joins
 * once per run and prints the WELCOME's identity or the ABORT's reason. Skipped, as {@link AutobahnPythonInteropTest}
 * is, where /usr/bin/python3 cannot import autobahn and nacl (apt-get install python3-autobahn python3-nacl).
 */
@EnabledIf(value = "pythonHasAutobahnAndNacl", disabledReason = "/usr/bin/python3 (or -Dwamp.interop.python) cannot "
        + "import autobahn.twisted.wamp and nacl: apt-get install python3-autobahn python3-nacl")
class AutobahnPythonAuthenticationInteropTest extends AbstractAuthenticationInteropTest {

    @LocalServerPort
    int port;

    static boolean pythonHasAutobahnAndNacl() throws IOException, InterruptedException {
        return PythonScripts.canImport("autobahn.twisted.wamp, nacl.signing");
    }

    @Override
    @SuppressWarnings("unchecked")
    JoinOutcome join(String method, @Nullable String authid, String credential) throws Exception {
        Map<String, Object> outcome = PythonScripts.run("auth_client.py", Duration.ofSeconds(45),
                "ws://127.0.0.1:" + port + "/ws", REALM, "msgpack", method, authid != null ? authid : "-", credential);
        assertThat(outcome.keySet()).containsAnyOf("welcome", "abort");
        if (outcome.get("welcome") instanceof Map<?, ?> welcome) {
            return new JoinOutcome((String) welcome.get("authid"), (String) welcome.get("authrole"),
                    (String) welcome.get("authmethod"), null);
        }
        Map<String, Object> abort = (Map<String, Object>) outcome.get("abort");
        return new JoinOutcome(null, null, null, (String) abort.get("reason"));
    }
}
