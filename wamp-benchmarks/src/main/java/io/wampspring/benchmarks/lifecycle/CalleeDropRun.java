package io.wampspring.benchmarks.lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * {@code callee-drop-fin} and {@code callee-drop-rst}: under a background RPC load (N callers of the sample app's
 * {@code com.example.add2} in a closed loop), a callee registers a procedure it never answers, W callers call it,
 * and once the callee has read every INVOCATION its TCP connection is dropped without a WebSocket close frame. The
 * time from the drop to each waiting caller's ERROR is recorded; repeated with a fresh callee each time.
 */
final class CalleeDropRun {

    private static final long ERROR_TIMEOUT_MS = 5_000;

    private final LifecycleConfig config;
    private final PrintStream log;
    private final boolean reset;
    private final Histogram histogram = new Histogram(3);
    private final LongAdder loadCalls = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile boolean loading = true;

    CalleeDropRun(LifecycleConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.reset = config.scenario() == LifecycleScenario.CALLEE_DROP_RST;
    }

    LifecycleResult execute() throws Exception {
        List<Thread> load = new ArrayList<>();
        List<SocketWebSocket> waiting = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(config.waiting());
        try {
            for (int i = 0; i < config.connections(); i++) {
                SocketWebSocket caller = join("caller");
                Thread thread = new Thread(() -> loadLoop(caller), "load-" + i);
                thread.setDaemon(true);
                load.add(thread);
                thread.start();
            }
            for (int i = 0; i < config.waiting(); i++) {
                waiting.add(join("caller"));
            }
            long loadBefore = loadCalls.sum();
            long start = System.nanoTime();
            for (int rep = 1; rep <= config.repetitions(); rep++) {
                repetition(rep, waiting, callers);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long loadDone = loadCalls.sum() - loadBefore;
            long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
            if (errorCount > 0) {
                log.println("[" + config.scenario().id() + "] errors: " + new TreeMap<>(errors));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("scenario", config.scenario().id());
            fields.put("repetitions", Integer.toString(config.repetitions()));
            fields.put("waiting", Integer.toString(config.waiting()));
            fields.put("load_connections", Integer.toString(config.connections()));
            fields.put("load_calls_per_s", ChurnRun.format(loadDone / seconds));
            fields.put("samples", Long.toString(histogram.getTotalCount()));
            fields.put("p50_ms", millis(histogram.getValueAtPercentile(50)));
            fields.put("p99_ms", millis(histogram.getValueAtPercentile(99)));
            fields.put("max_ms", millis(histogram.getMaxValue()));
            fields.put("errors", Long.toString(errorCount));
            return new LifecycleResult(fields);
        }
        finally {
            loading = false;
            callers.shutdownNow();
            for (Thread thread : load) {
                thread.join(ERROR_TIMEOUT_MS);
            }
            for (SocketWebSocket caller : waiting) {
                caller.close();
            }
        }
    }

    private SocketWebSocket join(String role) throws IOException {
        SocketWebSocket ws = SocketWebSocket.open(config.wampUri(), "wamp.2.json");
        ws.sendText("[1,\"" + config.realm() + "\",{\"roles\":{\"" + role + "\":{}}}]");
        String welcome = ws.receiveText();
        if (!welcome.startsWith("[2,")) {
            ws.close();
            throw new IOException("no WELCOME: " + welcome);
        }
        return ws;
    }

    private void loadLoop(SocketWebSocket caller) {
        try (caller) {
            for (long request = 1; loading; request++) {
                caller.sendText("[48," + request + ",{},\"com.example.add2\",[20,22]]");
                if (!caller.receiveText().startsWith("[50," + request + ",")) {
                    error("load: no RESULT");
                }
                loadCalls.increment();
            }
        }
        catch (IOException ex) {
            if (loading) {
                error("load: " + ex);
            }
        }
    }

    /** One callee, registered, called by every waiting caller, dropped; each caller's ERROR timed from the drop. */
    private void repetition(int rep, List<SocketWebSocket> waiting, ExecutorService callers) throws Exception {
        String procedure = "bench.never." + rep;
        SocketWebSocket callee = join("callee");
        callee.sendText("[64,1,{},\"" + procedure + "\"]");
        if (!callee.receiveText().startsWith("[65,1,")) {
            callee.close();
            throw new IOException("REGISTER of " + procedure + " failed");
        }
        List<CompletableFuture<Long>> errorsAt = new ArrayList<>();
        for (SocketWebSocket caller : waiting) {
            caller.sendText("[48," + rep + ",{},\"" + procedure + "\",[]]");
            errorsAt.add(CompletableFuture.supplyAsync(() -> awaitError(caller, rep), callers));
        }
        for (int i = 0; i < waiting.size(); i++) {
            if (!callee.receiveText().startsWith("[68,")) {
                error("callee: expected INVOCATION");
            }
        }
        long dropped = System.nanoTime();
        if (reset) {
            callee.dropWithReset();
        }
        else {
            callee.dropWithFin();
        }
        for (CompletableFuture<Long> errorAt : errorsAt) {
            try {
                Long at = errorAt.get(ERROR_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                if (at != null) {
                    histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(at - dropped)));
                }
            }
            catch (java.util.concurrent.TimeoutException ex) {
                throw new IllegalStateException("no ERROR within " + ERROR_TIMEOUT_MS + " ms of the drop");
            }
        }
    }

    /** When the ERROR for {@code request} arrived, or null (counted) if something else came. */
    private Long awaitError(SocketWebSocket caller, long request) {
        try {
            String reply = caller.receiveText();
            long at = System.nanoTime();
            if (reply.startsWith("[8,48," + request + ",")) {
                return at;
            }
            error("caller: expected ERROR, got " + reply.substring(0, Math.min(40, reply.length())));
        }
        catch (IOException ex) {
            error("caller: " + ex);
        }
        return null;
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private static String millis(long micros) {
        return ChurnRun.format(micros / 1000.0);
    }
}
