package io.wampspring.benchmarks.lifecycle;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The lifecycle scenarios on the command line ({@code BenchmarkMain run --scenario churn|callee-drop-fin|...}):
 * <pre>
 * run --server ws://127.0.0.1:PORT --scenario churn [--mode fresh|websocket-only] [--connections 50]
 *     [--warmup-s 5] [--duration-s 15] [--server-pid PID]
 * run --server ws://127.0.0.1:PORT --scenario callee-drop-fin|callee-drop-rst [--connections 16]
 *     [--repetitions 200] [--waiting 5]
 * </pre>
 */
public final class LifecycleMain {

    private LifecycleMain() {
    }

    public static String usage() {
        return "run --server ws://127.0.0.1:PORT --scenario " + LifecycleScenario.ids()
                + " [--mode fresh|websocket-only] [--connections N] [--warmup-s 5] [--duration-s 15]"
                + " [--server-pid PID] [--repetitions 200] [--waiting 5]";
    }

    /** The settings of {@code run} from its {@code --name value} options; what is not given keeps its default. */
    public static LifecycleConfig config(LifecycleScenario scenario, Map<String, String> options) {
        LifecycleConfig defaults = LifecycleConfig.defaults(URI.create(options.get("server")), scenario);
        String pid = options.get("server-pid");
        return defaults.with(
                Integer.parseInt(options.getOrDefault("connections", "" + defaults.connections())),
                seconds(options.get("warmup-s"), defaults.warmup()),
                seconds(options.get("duration-s"), defaults.duration()),
                ChurnMode.of(options.getOrDefault("mode", defaults.mode().id())),
                Integer.parseInt(options.getOrDefault("repetitions", "" + defaults.repetitions())),
                Integer.parseInt(options.getOrDefault("waiting", "" + defaults.waiting())),
                pid != null ? Long.valueOf(pid) : null);
    }

    public static LifecycleResult run(LifecycleConfig config, PrintStream log) throws Exception {
        return config.scenario() == LifecycleScenario.CHURN ? new ChurnRun(config, log).execute()
                : new CalleeDropRun(config, log).execute();
    }

    private static Duration seconds(String value, Duration fallback) {
        return value == null ? fallback : Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
