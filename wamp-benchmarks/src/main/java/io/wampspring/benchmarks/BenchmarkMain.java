package io.wampspring.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.benchmarks.lifecycle.LifecycleMain;
import io.wampspring.benchmarks.lifecycle.LifecycleResult;
import io.wampspring.benchmarks.lifecycle.LifecycleScenario;

/**
 * Command line of the load client. Runs are started by {@code run-benchmarks.sh}, never by the build.
 * <pre>
 * run --server ws://127.0.0.1:PORT --scenario echo|rpc-remote|rpc-annotated|pubsub-fanout
 *     [--connections 50] [--warmup-s 5] [--duration-s 15] [--payload 64] [--round 1]
 *     [--subscribers 100] [--window 16]     (pubsub-fanout only; the others ignore them)
 *         prints one BENCH line on stdout (diagnostics on stderr); exit status 1 on failure
 * run --server ws://127.0.0.1:PORT --scenario churn|callee-drop-fin|callee-drop-rst ...
 *         the session set-up and failure-detection scenarios ({@link LifecycleMain}); one LIFECYCLE line
 * summarize FILE
 *         prints the markdown table of the BENCH lines in FILE
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "run" -> {
                Map<String, String> options = options(args);
                LifecycleScenario lifecycle = LifecycleScenario.find(options.get("scenario"));
                if (lifecycle != null) {
                    runLifecycle(lifecycle, options);
                    return;
                }
                BenchmarkConfig config = runConfig(options);
                Scenario scenario = config.scenario();
                int round = Integer.parseInt(options.getOrDefault("round", "1"));
                try {
                    BenchmarkResult result = LoadRun.run(config, round, System.err);
                    System.out.println(result.toLine());
                    System.exit(0);
                }
                catch (Exception ex) {
                    System.err.println("[" + scenario.id() + "] FAILED: " + ex);
                    System.exit(1);
                }
            }
            case "summarize" -> {
                if (args.length != 2) {
                    usage();
                    System.exit(2);
                }
                List<BenchmarkResult> results = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith(BenchmarkResult.PREFIX))
                        .map(BenchmarkResult::parse)
                        .toList();
                System.out.print(Summary.table(results));
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void runLifecycle(LifecycleScenario scenario, Map<String, String> options) {
        try {
            LifecycleResult result = LifecycleMain.run(LifecycleMain.config(scenario, options), System.err);
            System.out.println(result.toLine());
            System.exit(0);
        }
        catch (Exception ex) {
            System.err.println("[" + scenario.id() + "] FAILED: " + ex);
            System.exit(1);
        }
    }

    /** The settings of {@code run} from its {@code --name value} options; what is not given keeps its default. */
    static BenchmarkConfig runConfig(Map<String, String> options) {
        URI server = URI.create(required(options, "server"));
        Scenario scenario = Scenario.of(required(options, "scenario"));
        BenchmarkConfig defaults = BenchmarkConfig.defaults(server, scenario);
        return new BenchmarkConfig(server, scenario,
                Integer.parseInt(options.getOrDefault("connections", "" + defaults.connections())),
                seconds(options.get("warmup-s"), defaults.warmup()),
                seconds(options.get("duration-s"), defaults.duration()),
                Integer.parseInt(options.getOrDefault("payload", "" + defaults.payloadSize())),
                options.getOrDefault("realm", defaults.realm()), defaults.wampPath(), defaults.echoPath(),
                Integer.parseInt(options.getOrDefault("subscribers", "" + defaults.subscribers())),
                Integer.parseInt(options.getOrDefault("window", "" + defaults.window())));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Duration seconds(String value, Duration fallback) {
        return value == null ? fallback : Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private static void usage() {
        System.err.println("usage: run --server ws://127.0.0.1:PORT --scenario echo|rpc-remote|rpc-annotated"
                + "|pubsub-fanout [--connections 50] [--warmup-s 5] [--duration-s 15] [--payload 64] [--round 1] "
                + "[--subscribers 100] [--window 16]\n"
                + "       " + LifecycleMain.usage() + "\n"
                + "       summarize FILE");
    }
}
