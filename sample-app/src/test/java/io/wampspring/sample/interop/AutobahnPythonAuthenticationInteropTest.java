package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.sample.interop.NodeWampClient.JoinOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * autobahn-python (Debian's python3-autobahn, Twisted) authenticating with its own helpers ({@code compute_wcs},
 * {@code derive_key}, {@code CryptosignKey.sign_challenge}) over MessagePack: src/test/python/auth_client.py joins
 * once per run and prints the WELCOME's identity or the ABORT's reason. Skipped, as {@link AutobahnPythonInteropTest}
 * is, where /usr/bin/python3 cannot import autobahn and nacl (apt-get install python3-autobahn python3-nacl).
 */
@EnabledIf(value = "pythonHasAutobahnAndNacl", disabledReason = "/usr/bin/python3 (or -Dwamp.interop.python) cannot "
        + "import autobahn.twisted.wamp and nacl: apt-get install python3-autobahn python3-nacl")
class AutobahnPythonAuthenticationInteropTest extends AbstractAuthenticationInteropTest {

    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/python/auth_client.py").toAbsolutePath();
    private static final String PREFIX = "@@wamp-python ";

    @LocalServerPort
    int port;

    static boolean pythonHasAutobahnAndNacl() throws IOException, InterruptedException {
        if (!AutobahnPythonInteropTest.pythonHasAutobahn()) {
            return false;
        }
        Process check = new ProcessBuilder(AutobahnPythonInteropTest.PYTHON, "-c", "import nacl.signing")
                .redirectErrorStream(true).start();
        try {
            check.getInputStream().readAllBytes();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        }
        finally {
            check.destroyForcibly();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    JoinOutcome join(String method, @Nullable String authid, String credential) throws Exception {
        Process process = new ProcessBuilder(AutobahnPythonInteropTest.PYTHON, SCRIPT.toString(),
                "ws://127.0.0.1:" + port + "/ws", REALM, "msgpack", method, authid != null ? authid : "-", credential)
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                catch (IOException ex) {
                    return "reading failed: " + ex;
                }
            });
            boolean exited = process.waitFor(45, TimeUnit.SECONDS);
            String text = output.get(10, TimeUnit.SECONDS);
            assertThat(exited).as("autobahn-python finished in time; output:\n%s", text).isTrue();
            String line = text.lines().filter(candidate -> candidate.startsWith(PREFIX)).findFirst().orElse(null);
            assertThat(line).as("autobahn-python printed its outcome; output:\n%s", text).isNotNull();
            Map<String, Object> outcome = JsonMapper.builder().build().readValue(line.substring(PREFIX.length()),
                    Map.class);
            assertThat(outcome).as("outcome; output:\n%s", text).doesNotContainKey("failure");
            assertThat(outcome.keySet()).as("outcome; output:\n%s", text).containsAnyOf("welcome", "abort");
            if (outcome.get("welcome") instanceof Map<?, ?> welcome) {
                return new JoinOutcome((String) welcome.get("authid"), (String) welcome.get("authrole"),
                        (String) welcome.get("authmethod"), null);
            }
            Map<String, Object> abort = (Map<String, Object>) outcome.get("abort");
            return new JoinOutcome(null, null, null, (String) abort.get("reason"));
        }
        finally {
            process.destroyForcibly();
        }
    }
}
