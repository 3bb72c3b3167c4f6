package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the one-shot autobahn-python scripts of src/test/python ({@code auth_client.py}, {@code scram_client.py}):
 * each prints its outcome as one JSON line after {@value #PREFIX}; the process is destroyed whatever happens.
 */
final class PythonScripts {

    static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python").toAbsolutePath();
    static final String PREFIX = "@@wamp-python ";

    private PythonScripts() {
    }

    /** Whether the test interpreter exists and can import {@code modules} (a Python import statement's list). */
    static boolean canImport(String modules) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(AutobahnPythonInteropTest.PYTHON))) {
            return false;
        }
        Process check = new ProcessBuilder(AutobahnPythonInteropTest.PYTHON, "-c", "import " + modules)
                .redirectErrorStream(true).start();
        try {
            check.getInputStream().readAllBytes();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        }
        finally {
            check.destroyForcibly();
        }
    }

    /** Runs {@code script} with {@code args} within {@code timeout}; the JSON outcome it printed. */
    static Map<String, Object> run(String script, Duration timeout, String... args) throws Exception {
        return run(script, timeout, Map.of(), args);
    }

    /** As {@link #run(String, Duration, String...)}, with {@code environment} added to the process's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(String script, Duration timeout, Map<String, String> environment, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(AutobahnPythonInteropTest.PYTHON, DIR.resolve(script)
                .toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                catch (IOException ex) {
                    return "reading failed: " + ex;
                }
            });
            boolean exited = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String text = output.get(10, TimeUnit.SECONDS);
            assertThat(exited).as("autobahn-python finished in time; output:\n%s", text).isTrue();
            String line = text.lines().filter(candidate -> candidate.startsWith(PREFIX)).findFirst().orElse(null);
            assertThat(line).as("autobahn-python printed its outcome; output:\n%s", text).isNotNull();
            Map<String, Object> outcome = JsonMapper.builder().build().readValue(line.substring(PREFIX.length()),
                    Map.class);
            assertThat(outcome).as("outcome; output:\n%s", text).doesNotContainKey("failure");
            return outcome;
        }
        finally {
            process.destroyForcibly();
        }
    }
}
