package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.allByteValues;
import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static io.wampspring.sample.interop.Values.normalize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * autobahn-python (Debian's python3-autobahn, Twisted's ApplicationRunner, run by /usr/bin/python3) through one
 * scenario per serializer: src/test/python/wamp_client.py calls the annotated procedures, receives an event an
 * annotated bean published, has its own procedures called (and failing) through WampTemplate, publishes to the
 * annotated subscriber, and prints what it saw as one JSON line, which this test checks. Skipped only when
 * /usr/bin/python3 cannot import autobahn (apt-get install python3-autobahn); CBOR also needs python3-cbor2. The skip
 * is a condition on the test method, so the test runner reports each serializer's test as skipped with the reason
 * (and no application is started for it); {@code -Dwamp.interop.python=<path>} runs another interpreter.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(InteropTestBeans.class)
class AutobahnPythonInteropTest {

    static final String PYTHON = System.getProperty("wamp.interop.python", "/usr/bin/python3");
    static final Path SCRIPT = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python/wamp_client.py")
            .toAbsolutePath();
    private static final String PREFIX = "@@wamp-python ";

    @LocalServerPort
    int port;

    @Autowired
    WampTemplate wamp;

    /** The condition of the test: whether the interpreter can import autobahn's Twisted runner. */
    static boolean pythonHasAutobahn() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        Process check = new ProcessBuilder(PYTHON, "-c", "import autobahn.twisted.wamp").redirectErrorStream(true)
                .start();
        try {
            check.getInputStream().readAllBytes();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        }
        finally {
            check.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    @EnabledIf(value = "pythonHasAutobahn", disabledReason = "/usr/bin/python3 (or -Dwamp.interop.python) cannot "
            + "import autobahn.twisted.wamp: apt-get install python3-autobahn python3-cbor2")
    @SuppressWarnings("unchecked")
    void autobahnPythonTalksToBeansAndWampTemplate(String serializer) throws Exception {
        String token = UUID.randomUUID().toString();
        Map<String, Object> observed = runScenario(serializer, token);

        assertThat(observed).as("scenario outcome").doesNotContainKey("failure");
        assertThat(observed.get("serializer")).isEqualTo(serializer);
        assertThat(observed.get("add2")).isEqualTo(5);
        assertThat((Map<String, Object>) observed.get("stats")).containsKeys("orders", "items");
        Map<String, Object> order = (Map<String, Object>) observed.get("order");
        assertThat(order).containsEntry("item", "pen").containsEntry("quantity", 4).containsKey("orderId");
        assertThat(observed.get("orderEvent")).as("com.shop.order.created from OrderService").isEqualTo(order);
        assertThat(observed.get("invalidOrder")).isEqualTo(mapOf("uri", "com.shop.error.invalid_order",
                "args", listOf("quantity must be between 1 and 100"), "kwargs", mapOf("field", "quantity")));
        byte[] all = allByteValues();
        assertThat(normalize(observed.get("bytes"))).isEqualTo(normalize(mapOf("args", listOf(Values.reversed(all)),
                "kwargs", mapOf("length", all.length, "sha256", Values.sha256(all)))));
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ((i * 31 + 7) % 256);
        }
        String text = "0123456789abcdef".repeat(2000);
        assertThat(observed.get("text")).as("32,000 characters through test.echo")
                .isEqualTo(mapOf("length", text.length(), "sha256", Values.sha256(text)));
        assertThat(observed.get("big")).as("1 MiB through test.echo, as autobahn-python got it back")
                .isEqualTo(mapOf("type", "bytes", "length", big.length, "sha256", Values.sha256(big)));
        assertThat(normalize(observed.get("remoteEcho"))).as("WampTemplate -> autobahn-python echo")
                .isEqualTo(normalize(mapOf("args", listOf(1, "two", all), "kwargs", mapOf("token", token))));
        assertThat(normalize(observed.get("remoteFail"))).as("error from autobahn-python through WampTemplate")
                .isEqualTo(normalize(mapOf("uri", "com.example.error.python_failed",
                        "args", listOf("python says no", 7, Arrays.copyOf(all, 4)),
                        "kwargs", mapOf("reason", "because", "nested", mapOf("retry", false)))));
        assertThat(((Number) observed.get("publication")).longValue()).isPositive();

        // the annotated subscriber got the event autobahn-python published, binaries intact
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> received = wamp.call("test.events.received",
                    new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }, token).get(10, TimeUnit.SECONDS);
            assertThat(received).singleElement().satisfies(event -> {
                assertThat(normalize(event.get("args"))).isEqualTo(normalize(listOf(token, Arrays.copyOf(all, 8))));
                assertThat(normalize(event.get("kwargs"))).isEqualTo(normalize(mapOf("token", token, "bin", all)));
            });
        });
    }

    /** Where autobahn-python connects: the WebSocket endpoint here, the RawSocket port in a subclass. */
    String url() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    /** Runs the script with a timeout; returns the JSON it printed. The process is destroyed in any case. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> runScenario(String serializer, String token) throws Exception {
        Process process = new ProcessBuilder(PYTHON, SCRIPT.toString(), url(), "realm1", serializer, token)
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.add(line.length() > 4000 && !line.startsWith(PREFIX) ? line.substring(0, 4000) + "..." : line);
                    }
                }
                catch (IOException ex) {
                    lines.add("reading failed: " + ex);
                }
                return lines;
            });
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            List<String> lines = output.get(10, TimeUnit.SECONDS);
            assertThat(exited).as("autobahn-python finished in time; output:\n%s", String.join("\n", lines)).isTrue();
            String result = lines.stream().filter(line -> line.startsWith(PREFIX)).findFirst().orElse(null);
            assertThat(result).as("autobahn-python printed its result; output:\n%s", String.join("\n", lines))
                    .isNotNull();
            Map<String, Object> observed = JsonMapper.builder().build().readValue(result.substring(PREFIX.length()),
                    Map.class);
            assertThat(process.exitValue()).as("exit code; output:\n%s", String.join("\n", lines)).isZero();
            return observed;
        }
        finally {
            process.destroyForcibly();
        }
    }
}
