package io.wampspring.benchmarks.lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code churn}: N threads, each with one set-up in flight, open and close sessions (or bare WebSockets) until the
 * time is up. Counts those completed in the measured window and the server's CPU time in it, read from
 * {@code /proc}: client and server share the machine, so CPU per session is the fairer figure of the two.
 */
final class ChurnRun {

    private static final long JOIN_TIMEOUT_MS = 30_000;

    private final LifecycleConfig config;
    private final PrintStream log;
    private final String hello;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder completed = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    ChurnRun(LifecycleConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.hello = "[1,\"" + config.realm() + "\",{\"roles\":{\"caller\":{}}}]";
    }

    LifecycleResult execute() throws Exception {
        ProcessCpu cpu = config.serverPid() != null ? new ProcessCpu(config.serverPid()) : null;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < config.connections(); i++) {
            Thread thread = new Thread(this::loop, "churn-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            // the measurement's time windows: the connections' threads run on their own meanwhile
            Thread.sleep(config.warmup().toMillis());
            recorder.getIntervalHistogram(); // the warm-up's
            long before = completed.sum();
            long cpuBefore = cpu != null ? cpu.nanos() : 0;
            long start = System.nanoTime();
            Thread.sleep(config.duration().toMillis());
            long sessions = completed.sum() - before;
            long cpuNanos = cpu != null ? cpu.nanos() - cpuBefore : 0;
            double seconds = (System.nanoTime() - start) / 1e9;
            Histogram measured = recorder.getIntervalHistogram();
            running = false;
            for (Thread thread : threads) {
                thread.join(JOIN_TIMEOUT_MS);
            }
            long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
            if (errorCount > 0) {
                log.println("[churn] errors: " + new TreeMap<>(errors));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("scenario", LifecycleScenario.CHURN.id());
            fields.put("mode", config.mode().id());
            fields.put("connections", Integer.toString(config.connections()));
            fields.put("duration_s", format(seconds));
            fields.put("sessions", Long.toString(sessions));
            fields.put("sessions_per_s", format(sessions / seconds));
            fields.put("p50_ms", format(measured.getValueAtPercentile(50) / 1000.0));
            fields.put("p99_ms", format(measured.getValueAtPercentile(99) / 1000.0));
            fields.put("server_cpu_s", cpu != null ? format(cpuNanos / 1e9) : "-");
            fields.put("server_cpu_us_per_session", cpu != null && sessions > 0
                    ? format(cpuNanos / 1000.0 / sessions) : "-");
            fields.put("errors", Long.toString(errorCount));
            return new LifecycleResult(fields);
        }
        finally {
            running = false;
        }
    }

    private void loop() {
        while (running) {
            long start = System.nanoTime();
            try {
                if (config.mode() == ChurnMode.FRESH) {
                    session();
                }
                else {
                    SocketWebSocket.open(config.wampUri(), "wamp.2.json").closeHandshake();
                }
                recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start)));
                completed.increment();
            }
            catch (IOException | RuntimeException ex) {
                errors.computeIfAbsent(ex.getClass().getSimpleName() + ": " + ex.getMessage(), k -> new LongAdder())
                        .increment();
            }
        }
    }

    /** One session on a fresh connection: HELLO, WELCOME, GOODBYE, the router's GOODBYE, its close. */
    private void session() throws IOException {
        try (SocketWebSocket ws = SocketWebSocket.open(config.wampUri(), "wamp.2.json")) {
            ws.sendText(hello);
            expect(ws.receiveText(), "[2,", "WELCOME");
            ws.sendText("[6,{},\"wamp.close.close_realm\"]");
            expect(ws.receiveText(), "[6,", "GOODBYE");
            ws.awaitServerClose();
        }
    }

    private static void expect(String frame, String prefix, String what) throws IOException {
        if (!frame.startsWith(prefix)) {
            throw new IOException("expected " + what + ", got " + frame.substring(0, Math.min(60, frame.length())));
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
