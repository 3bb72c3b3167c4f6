package io.wampspring.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.sample.Analytics;
import io.wampspring.sample.ReactiveTransport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app's page (src/main/resources/static, with autobahn-js from the npm package autobahn-browser) in real
 * headless Chromium: src/test/js/shop-page.e2e.mjs drives two pages with playwright-core against the app on a random
 * port of 127.0.0.1, and prints what it saw, which this test checks. Chromium is Debian's ({@code apt-get install
 * chromium}; {@code .ci/run} installs it): without it this test fails, it is not skipped. Another executable can be
 * given with {@code -Dbrowser.chromium=...}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shop.fulfilment.step-time=100ms")
@Import(SessionControlTestConfiguration.class)
class ShopPageBrowserTest {

    static final Path JS_DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/js").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots")
            .toAbsolutePath();
    private static final String PREFIX = "@@shop-page ";

    @LocalServerPort
    int port;

    @Autowired
    Analytics analytics;

    @Test
    @SuppressWarnings("unchecked")
    void twoPagesOrderConfirmStreamFailAndReconnect() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s: install Debian's chromium (apt-get install chromium), or "
                + "name another with -Dbrowser.chromium", CHROMIUM).isTrue();
        assertThat(JS_DIR.resolve("node_modules/playwright-core")).as("npm ci in %s (the build's "
                + "generate-test-resources phase)", JS_DIR).isDirectory();
        // a name per transport: the twins may run at once in parallel forks
        String name = getClass().isAnnotationPresent(ReactiveTransport.class) ? "reactive-shop-page" : "shop-page";
        Path screenshot = SCREENSHOTS.resolve(name + ".png");
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS, name + "*.png")) {
            for (Path file : old) {
                Files.delete(file);     // this run's screenshot, or its failure screenshots, and nothing older
            }
        }

        Map<String, Object> observed = runScenario(screenshot);

        List<String> orderIds = (List<String>) observed.get("orderIds");
        assertThat(orderIds).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        // the backend asked the browser that placed the order, and the steps arrived in order, ending with the final
        // result; after reconnecting, the other page answered "no"
        assertThat((String) observed.get("question")).startsWith("Ship 2 x book now?");
        assertThat((List<String>) observed.get("steps"))
                .containsExactly("paid", "picked", "asked", "confirmed", "packed", "shipped");
        assertThat((List<String>) observed.get("cancelledSteps")).containsExactly("paid", "picked", "asked", "cancelled");
        // the counters reached the other page by events: one more order, two more items
        Map<String, Number> before = (Map<String, Number>) observed.get("statsBefore");
        Map<String, Number> after = (Map<String, Number>) observed.get("stats");
        assertThat(after.get("orders").longValue()).isEqualTo(before.get("orders").longValue() + 1);
        assertThat(after.get("items").longValue()).isEqualTo(before.get("items").longValue() + 2);
        assertThat(analytics.stats().orders()).isGreaterThanOrEqualTo(after.get("orders").longValue());
        assertThat(observed.get("invalidOrder"))
                .isEqualTo("com.shop.error.invalid_order: quantity must be between 1 and 100 {\"field\":\"quantity\"}");
        // both pages lost their sessions, saw it, and came back with new ones
        Map<String, List<Number>> sessions = (Map<String, List<Number>>) observed.get("sessions");
        for (List<Number> pair : sessions.values()) {
            assertThat(pair.get(1).longValue()).isPositive().isNotEqualTo(pair.get(0).longValue());
        }
        assertThat((String) observed.get("closedA")).startsWith("connection closed (").doesNotContain("wamp.close");
        assertThat((String) observed.get("closedB")).isEqualTo("connection closed (closed, wamp.close.killed)");
        // page A, reconnected, lists the order placed after the reconnect above the first one
        List<String> ordersOnA = (List<String>) observed.get("ordersOnA");
        assertThat(ordersOnA).containsSubsequence(orderIds.get(1), orderIds.get(0));
        assertThat(screenshot).isNotEmptyFile();
    }

    /** Runs the script (90 s at most, then it is destroyed); answers the JSON it printed after checking its exit. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> runScenario(Path screenshot) throws Exception {
        Process process = new ProcessBuilder(System.getProperty("interop.node", "node"), "shop-page.e2e.mjs",
                "http://127.0.0.1:" + port, CHROMIUM.toString(), screenshot.toString())
                .directory(JS_DIR.toFile()).redirectErrorStream(true).start();
        try {
            CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> readLines(process));
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            List<String> lines = exited ? output.get(10, TimeUnit.SECONDS) : List.of("(still running: destroyed)");
            String all = String.join("\n", lines);
            assertThat(exited).as("the browser test finished in time; output:\n%s", all).isTrue();
            assertThat(process.exitValue()).as("exit code of shop-page.e2e.mjs; output:\n%s", all).isZero();
            String result = lines.stream().filter(line -> line.startsWith(PREFIX)).findFirst().orElse(null);
            assertThat(result).as("the script printed what it observed; output:\n%s", all).isNotNull();
            return JsonMapper.builder().build().readValue(result.substring(PREFIX.length()), Map.class);
        }
        finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static List<String> readLines(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        catch (IOException ex) {
            lines.add("reading failed: " + ex);
        }
        return lines;
    }
}
