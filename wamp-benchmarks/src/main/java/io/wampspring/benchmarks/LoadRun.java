package io.wampspring.benchmarks;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one scenario: opens the connections (and, for {@code rpc-remote}, the callee), drives every connection in a
 * closed loop, warms up, measures for a fixed time, stops sending, waits (bounded) for the requests still in flight,
 * and closes everything. Every wait is bounded; nothing outlives {@link #execute()}. {@code pubsub-fanout} opens its
 * subscribers and one publisher instead, and the publisher keeps a window of publications in flight
 * ({@link FanoutPublisher}).
 */
public final class LoadRun {

    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final BenchmarkConfig config;
    private final int round;
    private final PrintStream log;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
    private final CountDownLatch idle;
    private final CountDownLatch fatal = new CountDownLatch(1);
    private volatile String fatalReason;
    private volatile boolean sending = true;

    public LoadRun(BenchmarkConfig config, int round, PrintStream log) {
        this.config = config;
        this.round = round;
        this.log = log;
        this.idle = new CountDownLatch(config.scenario() == Scenario.PUBSUB_FANOUT ? 1 : config.connections());
    }

    /** Runs {@code config} once; the result of the measured window. */
    public static BenchmarkResult run(BenchmarkConfig config, int round, PrintStream log) throws Exception {
        return new LoadRun(config, round, log).execute();
    }

    // ---- called by the clients, from the WebSocket threads

    boolean sending() {
        return sending;
    }

    void record(long latencyNanos) {
        recorder.recordValue(Math.max(1, latencyNanos));
    }

    void error(String kind) {
        errors.increment();
        errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void idle() {
        idle.countDown();
    }

    void fatal(String reason) {
        if (fatalReason == null) {
            fatalReason = reason;
        }
        fatal.countDown();
    }

    // ---- the run

    public BenchmarkResult execute() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String payload = Wamp.payload(config.payloadSize());
        Scenario scenario = config.scenario();
        if (scenario == Scenario.PUBSUB_FANOUT) {
            return executeFanout(http, payload);
        }
        List<ClosedLoopClient> clients = new ArrayList<>();
        RemoteCallee callee = null;
        try {
            if (scenario == Scenario.RPC_REMOTE) {
                callee = new RemoteCallee(this, config.realm(), BenchmarkConfig.REMOTE_PROCEDURE);
                callee.connection = await(WsConnection.open(http, config.wampUri(), Wamp.SUBPROTOCOL, callee),
                        "callee connect");
                callee.start();
                await(callee.ready, "callee REGISTER");
            }
            for (int i = 0; i < config.connections(); i++) {
                clients.add(switch (scenario) {
                    case ECHO -> new EchoClient(this, i, payload);
                    case RPC_REMOTE -> new RpcCaller(this, i, config.realm(), BenchmarkConfig.REMOTE_PROCEDURE,
                            payload);
                    case RPC_ANNOTATED -> new RpcCaller(this, i, config.realm(), BenchmarkConfig.ANNOTATED_PROCEDURE,
                            null);
                    case PUBSUB_FANOUT -> throw new IllegalStateException("not a closed-loop scenario");
                });
            }
            URI uri = scenario == Scenario.ECHO ? config.echoUri() : config.wampUri();
            String subprotocol = scenario == Scenario.ECHO ? null : Wamp.SUBPROTOCOL;
            List<CompletableFuture<WsConnection>> opening = new ArrayList<>();
            for (ClosedLoopClient client : clients) {
                opening.add(WsConnection.open(http, uri, subprotocol, client)
                        .thenApply(connection -> client.connection = connection));
            }
            await(CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)), "connect");
            for (ClosedLoopClient client : clients) {
                client.start();
            }
            await(CompletableFuture.allOf(clients.stream().map(c -> c.ready).toArray(CompletableFuture[]::new)),
                    "session open");
            if (errors.sum() > 0) {
                throw new IllegalStateException("errors while opening: " + errorKinds);
            }

            for (ClosedLoopClient client : clients) {
                client.fire();
            }
            abortIfFatal(fatal.await(config.warmup().toNanos(), TimeUnit.NANOSECONDS));
            recorder.getIntervalHistogram(); // discard the warm-up
            long warmupErrors = errors.sum();
            long start = System.nanoTime();
            abortIfFatal(fatal.await(config.duration().toNanos(), TimeUnit.NANOSECONDS));
            Histogram measured = recorder.getIntervalHistogram();
            long end = System.nanoTime();
            sending = false;

            if (!idle.await(DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                long stuck = clients.stream().filter(ClosedLoopClient::inFlight).count();
                for (long i = 0; i < stuck; i++) {
                    error("no reply within " + DRAIN_TIMEOUT.toSeconds() + " s after the run");
                }
            }
            long totalErrors = errors.sum();
            if (totalErrors > 0) {
                log.println("[" + scenario.id() + "] errors: " + new TreeMap<>(errorKinds) + " (" + warmupErrors
                        + " of them during the warm-up)");
            }
            if (callee != null) {
                log.println("[" + scenario.id() + "] callee handled " + callee.invocations.sum() + " invocations");
            }
            double seconds = (end - start) / 1e9;
            return new BenchmarkResult(scenario.id(), round, config.connections(),
                    scenario == Scenario.RPC_ANNOTATED ? 0 : config.payloadSize(),
                    config.warmup().toMillis() / 1000.0, seconds, measured.getTotalCount(),
                    measured.getTotalCount() / seconds, micros(measured.getValueAtPercentile(50)),
                    micros(measured.getValueAtPercentile(99)), micros(measured.getValueAtPercentile(99.9)),
                    micros(measured.getMaxValue()), totalErrors);
        }
        finally {
            sending = false;
            close(clients, callee);
        }
    }

    /** {@code pubsub-fanout}: the subscribers subscribe first, then the publisher fills its window and keeps it full. */
    private BenchmarkResult executeFanout(HttpClient http, String payload) throws Exception {
        String id = config.scenario().id();
        String topic = BenchmarkConfig.FANOUT_TOPIC;
        FanoutPublisher publisher = new FanoutPublisher(this, config.realm(), topic, payload, config.subscribers(),
                config.window());
        List<FanoutSubscriber> subscribers = new ArrayList<>();
        try {
            List<CompletableFuture<?>> opening = new ArrayList<>();
            for (int i = 0; i < config.subscribers(); i++) {
                FanoutSubscriber subscriber = new FanoutSubscriber(this, publisher, config.realm(), topic, payload);
                subscribers.add(subscriber);
                opening.add(WsConnection.open(http, config.wampUri(), Wamp.SUBPROTOCOL, subscriber)
                        .thenAccept(connection -> subscriber.connection = connection));
            }
            opening.add(WsConnection.open(http, config.wampUri(), Wamp.SUBPROTOCOL, publisher)
                    .thenAccept(connection -> publisher.connection = connection));
            await(CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)), "connect");
            for (FanoutSubscriber subscriber : subscribers) {
                subscriber.start();
            }
            publisher.start();
            await(CompletableFuture.allOf(subscribers.stream().map(s -> s.ready)
                    .toArray(CompletableFuture[]::new)), "SUBSCRIBE");
            await(publisher.ready, "publisher session open");
            if (errors.sum() > 0) {
                throw new IllegalStateException("errors while opening: " + errorKinds);
            }

            publisher.pump();
            abortIfFatal(fatal.await(config.warmup().toNanos(), TimeUnit.NANOSECONDS));
            recorder.getIntervalHistogram(); // discard the warm-up
            long warmupErrors = errors.sum();
            long eventsBefore = publisher.events.sum();
            long start = System.nanoTime();
            abortIfFatal(fatal.await(config.duration().toNanos(), TimeUnit.NANOSECONDS));
            Histogram measured = recorder.getIntervalHistogram();
            long events = publisher.events.sum() - eventsBefore;
            long end = System.nanoTime();
            sending = false;
            publisher.pump(); // goes idle at once if nothing is in flight

            if (!idle.await(DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                error(publisher.inFlight() + " publication(s) incomplete " + DRAIN_TIMEOUT.toSeconds()
                        + " s after the run");
            }
            long totalErrors = errors.sum();
            if (totalErrors > 0) {
                log.println("[" + id + "] errors: " + new TreeMap<>(errorKinds) + " (" + warmupErrors
                        + " of them during the warm-up)");
            }
            double seconds = (end - start) / 1e9;
            return new BenchmarkResult(id, round, 1, config.payloadSize(), config.warmup().toMillis() / 1000.0,
                    seconds, measured.getTotalCount(), measured.getTotalCount() / seconds,
                    micros(measured.getValueAtPercentile(50)), micros(measured.getValueAtPercentile(99)),
                    micros(measured.getValueAtPercentile(99.9)), micros(measured.getMaxValue()), totalErrors,
                    new BenchmarkResult.Fanout(config.subscribers(), config.window(), events, events / seconds));
        }
        finally {
            sending = false;
            closeFanout(publisher, subscribers);
        }
    }

    private void closeFanout(FanoutPublisher publisher, List<FanoutSubscriber> subscribers) {
        List<CompletableFuture<Void>> finishing = new ArrayList<>();
        if (publisher.connection != null && !publisher.finished.isDone()) {
            publisher.finish();
            finishing.add(publisher.finished);
        }
        for (FanoutSubscriber subscriber : subscribers) {
            if (subscriber.connection != null && !subscriber.finished.isDone()) {
                subscriber.finish();
                finishing.add(subscriber.finished);
            }
        }
        awaitQuietly(finishing);
        if (publisher.connection != null && !publisher.finished.isDone()) {
            publisher.connection.abort();
        }
        for (FanoutSubscriber subscriber : subscribers) {
            if (subscriber.connection != null && !subscriber.finished.isDone()) {
                subscriber.connection.abort();
            }
        }
    }

    private void abortIfFatal(boolean fatalHappened) {
        if (fatalHappened) {
            throw new IllegalStateException("run aborted: " + fatalReason + "; errors " + errorKinds);
        }
    }

    private void close(List<ClosedLoopClient> clients, RemoteCallee callee) {
        List<CompletableFuture<Void>> finishing = new ArrayList<>();
        for (ClosedLoopClient client : clients) {
            if (client.connection != null && !client.finished.isDone()) {
                client.finish();
                finishing.add(client.finished);
            }
        }
        awaitQuietly(finishing);
        if (callee != null && callee.connection != null && !callee.finished.isDone()) {
            callee.finish();
            awaitQuietly(List.of(callee.finished));
        }
        for (ClosedLoopClient client : clients) {
            if (client.connection != null && !client.finished.isDone()) {
                client.connection.abort();
            }
        }
        if (callee != null && callee.connection != null && !callee.finished.isDone()) {
            callee.connection.abort();
        }
    }

    private void awaitQuietly(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (Exception ex) {
            long open = futures.stream().filter(f -> !f.isDone()).count();
            log.println("[" + config.scenario().id() + "] " + open + " connection(s) did not close within "
                    + CLOSE_TIMEOUT.toSeconds() + " s; aborted");
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws Exception {
        try {
            return future.get(SETUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException(what + " did not complete within " + SETUP_TIMEOUT.toSeconds() + " s");
        }
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
