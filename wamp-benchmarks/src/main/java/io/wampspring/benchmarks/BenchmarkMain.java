package io.wampspring.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import io.wampspring.benchmarks.echo.EchoServer;
import io.wampspring.benchmarks.lifecycle.LifecycleMain;
import io.wampspring.benchmarks.lifecycle.LifecycleResult;
import io.wampspring.benchmarks.lifecycle.LifecycleScenario;
import io.wampspring.benchmarks.sessions.SessionKind;
import io.wampspring.benchmarks.sessions.SessionsConfig;
import io.wampspring.benchmarks.sessions.SessionsRun;

/**
 * Command line of the load client. Runs are started by {@code run-benchmarks.sh}, never by the build.
 * <pre>
 * run --server ws://127.0.0.1:PORT --scenario echo|rpc-remote|rpc-annotated|pubsub-fanout
 *     [--connections 50] [--warmup-s 5] [--duration-s 15] [--payload 64] [--round 1]
 *     [--subscribers 100] [--window 16]     (pubsub-fanout only; the others ignore them)
 *         prints one BENCH line on stdout (diagnostics on stderr); exit status 1 on failure
 * run --server ws://127.0.0.1:PORT --scenario churn|callee-drop-fin|callee-drop-rst ...
 *         the session set-up and failure-detection scenarios ({@link LifecycleMain}); one LIFECYCLE line
 * sessions --server ws://127.0.0.1:PORT --server-pid PID [--sessions 10000] [--kinds bare,wamp]
 *     [--target app] [--concurrency 64] [--warmup-sessions 500] [--histogram-top 25] [--open-timeout-s 300]
 *         holds N idle sessions of each kind and prints one SESSIONS line per kind (memory per session on PID)
 * echo-server --stack netty|tomcat [--port 0]
 *         serves a plain WebSocket echo at /echo on 127.0.0.1 (no Spring, no WAMP) until stopped; prints
 *         "ECHO-SERVER stack=... port=... pid=..." once it listens
 * summarize FILE
 *         prints the markdown table of the BENCH and SESSIONS lines in FILE
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        // Netty logs through the JDK, not through an SLF4J without a provider
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
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
            case "sessions" -> {
                SessionsConfig config = sessionsConfig(options(args));
                try {
                    new SessionsRun(config, System.out, System.err).execute();
                    System.exit(0);
                }
                catch (Exception ex) {
                    System.err.println("[sessions] FAILED: " + ex);
                    System.exit(1);
                }
            }
            case "echo-server" -> {
                Map<String, String> options = options(args);
                EchoServer server = EchoServer.start(required(options, "stack"),
                        Integer.parseInt(options.getOrDefault("port", "0")));
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "echo-server-stop"));
                System.out.println("ECHO-SERVER stack=" + options.get("stack") + " port=" + server.port() + " pid="
                        + ProcessHandle.current().pid());
                new CountDownLatch(1).await(); // until the process is stopped
            }
            case "summarize" -> {
                if (args.length != 2) {
                    usage();
                    System.exit(2);
                }
                System.out.print(TransportSummary.report(
                        Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)));
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

    /** The settings of {@code sessions}; what is not given keeps its default. */
    static SessionsConfig sessionsConfig(Map<String, String> options) {
        SessionsConfig defaults = SessionsConfig.defaults(URI.create(required(options, "server")),
                Long.parseLong(required(options, "server-pid")));
        List<SessionKind> kinds = options.containsKey("kinds")
                ? Arrays.stream(options.get("kinds").split(",")).map(String::trim).map(SessionKind::of).toList()
                : defaults.kinds();
        return new SessionsConfig(defaults.server(), defaults.serverPid(),
                options.getOrDefault("target", defaults.target()),
                Integer.parseInt(options.getOrDefault("sessions", "" + defaults.sessions())), kinds,
                Integer.parseInt(options.getOrDefault("concurrency", "" + defaults.concurrency())),
                Integer.parseInt(options.getOrDefault("warmup-sessions", "" + defaults.warmupSessions())),
                Integer.parseInt(options.getOrDefault("histogram-top", "" + defaults.histogramTop())),
                options.getOrDefault("realm", defaults.realm()), defaults.wampPath(), defaults.echoPath(),
                seconds(options.get("open-timeout-s"), defaults.openTimeout()));
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
                + "       sessions --server ws://127.0.0.1:PORT --server-pid PID [--sessions 10000] "
                + "[--kinds bare,wamp] [--target app] [--concurrency 64] [--warmup-sessions 500] "
                + "[--histogram-top 25] [--open-timeout-s 300]\n"
                + "       echo-server --stack netty|tomcat [--port 0]\n"
                + "       " + LifecycleMain.usage() + "\n"
                + "       summarize FILE");
    }
}
