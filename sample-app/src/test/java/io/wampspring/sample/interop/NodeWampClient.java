package io.wampspring.sample.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A third-party JavaScript WAMP client (autobahn-js or wampy) in its own {@code node} process, remote-controlled
 * through {@code src/test/js/wamp-driver.mjs}: one JSON command per line on its stdin, one JSON reply per command on
 * its stdout. Every request has a timeout, the process has an idle limit of its own, and {@link #close()} destroys
 * it whatever happened.
 */
final class NodeWampClient implements AutoCloseable {

    static final Path JS_DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/js").toAbsolutePath();

    private static final String PREFIX = "@@wamp-driver ";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int STDERR_KEEP = 32 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String library;
    private final Process process;
    private final Writer stdin;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong handles = new AtomicLong();
    private final StringBuilder stderr = new StringBuilder();
    private final StringBuilder otherStdout = new StringBuilder();
    private volatile @Nullable String protocol;

    private NodeWampClient(String library, Process process) {
        this.library = library;
        this.process = process;
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pending.put(0L, new CompletableFuture<>());
        daemon("node-" + library + "-stdout", () -> readStdout(process.getInputStream()));
        daemon("node-" + library + "-stderr", () -> readStderr(process.getErrorStream()));
        process.onExit().thenRun(() -> {
            IllegalStateException exited = new IllegalStateException(
                    "node (" + library + ") exited with code " + process.exitValue() + "; " + diagnostics());
            pending.values().forEach(future -> future.completeExceptionally(exited));
        });
    }

    /**
     * Starts the driver for {@code library} ("autobahn" or "wampy") and waits until it is ready. autobahn-js uses
     * the global WebSocket, which Node 20 has behind {@code --experimental-websocket}; wampy is given the {@code ws}
     * package.
     */
    static NodeWampClient start(String library) throws IOException {
        return start(library, Map.of());
    }

    /** Starts the driver with these environment variables added (such as NODE_EXTRA_CA_CERTS for a test CA). */
    static NodeWampClient start(String library, Map<String, String> environment) throws IOException {
        if (!Files.isDirectory(JS_DIR.resolve("node_modules").resolve(library.equals("autobahn") ? "autobahn" : "wampy"))) {
            throw new IllegalStateException(JS_DIR.resolve("node_modules") + " lacks the npm packages: the build runs "
                    + "'npm ci' in generate-test-resources (mvn -pl sample-app generate-test-resources)");
        }
        List<String> command = new ArrayList<>(List.of(node()));
        if (library.equals("autobahn") && nodeMajorVersion() < 22) {
            command.add("--experimental-websocket");
        }
        command.addAll(List.of("--no-warnings", "wamp-driver.mjs", library));
        ProcessBuilder builder = new ProcessBuilder(command).directory(JS_DIR.toFile());
        builder.environment().put("WAMP_DRIVER_IDLE_LIMIT_MS", "120000");
        builder.environment().putAll(environment);
        NodeWampClient client = new NodeWampClient(library, builder.start());
        try {
            Map<String, Object> ready = client.await(0L, DEFAULT_TIMEOUT);
            if (!Boolean.TRUE.equals(ready.get("ok"))) {
                throw new IllegalStateException("driver did not start: " + ready + "; " + client.diagnostics());
            }
            return client;
        }
        catch (RuntimeException | Error ex) {
            client.close();
            throw ex;
        }
    }

    static String node() {
        return System.getProperty("interop.node", "node");
    }

    private static volatile int nodeMajor;

    static int nodeMajorVersion() {
        if (nodeMajor == 0) {
            try {
                Process version = new ProcessBuilder(node(), "--version").redirectErrorStream(true).start();
                try {
                    if (!version.waitFor(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("node --version did not answer");
                    }
                    String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    nodeMajor = Integer.parseInt(text.replaceFirst("^v", "").split("\\.")[0]);
                }
                finally {
                    version.destroyForcibly();
                }
            }
            catch (IOException | InterruptedException | NumberFormatException ex) {
                throw new IllegalStateException("cannot run '" + node() + " --version'", ex);
            }
        }
        return nodeMajor;
    }

    String library() {
        return library;
    }

    /** The WebSocket subprotocol the router chose, as the client saw it. */
    @Nullable String protocol() {
        return protocol;
    }

    // ------------------------------------------------------------------------------------------------------------
    // WAMP operations

    long connect(String url, String realm, String serializer) {
        return connect(url, realm, serializer, Map.of()).sessionId();
    }

    /**
     * Connects, announcing {@code features} ({role: {feature: true}}) on top of what the library announces (wampy
     * only), and answers the session as WELCOME described it.
     */
    Welcome connect(String url, String realm, String serializer, Map<String, Map<String, Boolean>> features) {
        Map<String, Object> result = resultOf(request(Map.of("op", "connect", "url", url, "realm", realm,
                "serializer", serializer, "features", features)));
        protocol = (String) result.get("protocol");
        return new Welcome(((Number) result.get("sessionId")).longValue(), (String) result.get("authid"),
                (String) result.get("authrole"));
    }

    /**
     * Joins authenticating as {@code auth} says (autobahn-js only; see wamp-driver.mjs, connect.auth: authid,
     * methods, ticket, secret, privateKey, authextra): the WELCOME's identity, or the ABORT's reason.
     */
    JoinOutcome join(String url, String realm, String serializer, Map<String, Object> auth) {
        Map<String, Object> reply = request(Map.of("op", "connect", "url", url, "realm", realm,
                "serializer", serializer, "auth", auth));
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            Map<String, Object> result = resultOf(reply);
            return new JoinOutcome((String) result.get("authid"), (String) result.get("authrole"),
                    (String) result.get("authmethod"), null);
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            return new JoinOutcome(null, null, null, (String) error.get("uri"));
        }
        throw new AssertionError(library + " join failed in the driver: " + reply.get("failure") + "\n"
                + diagnostics());
    }

    /** How an authenticated join ended: WELCOME (authid, authrole, authmethod) or ABORT (its reason). */
    record JoinOutcome(@Nullable String authid, @Nullable String authrole, @Nullable String authmethod,
            @Nullable String abortReason) {
    }

    /** The session a client joined: its id, authid and authrole from WELCOME. */
    record Welcome(long sessionId, @Nullable String authid, @Nullable String authrole) {
    }

    /** Calls; null args/kwargs are left out of the CALL (as the library does for absent values). */
    WampReply call(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        Map<String, Object> command = command("call", "procedure", procedure);
        if (args != null) {
            command.put("args", Values.toDriver(args));
        }
        if (kwargs != null) {
            command.put("kwargs", Values.toDriver(kwargs));
        }
        Map<String, Object> reply = request(command, Duration.ofSeconds(40));
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            Map<String, Object> result = resultOf(reply);
            return WampReply.result(result.get("args"), result.get("kwargs"));
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            return WampReply.error((String) error.get("uri"), error.get("args"), error.get("kwargs"));
        }
        throw new AssertionError(library + " call of " + procedure + " failed in the driver: " + reply.get("failure")
                + "\n" + diagnostics());
    }

    /**
     * Calls with CALL.Options; with {@code receive_progress} the progressive results come back too. Waits up to 40 s.
     */
    CallOutcome call(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs,
            Map<String, ?> options) {
        Map<String, Object> command = callCommand("call", procedure, args, kwargs, options);
        return outcome(procedure, request(command, Duration.ofSeconds(40)));
    }

    /** Starts a call without waiting for its answer; {@link StartedCall#outcome()} waits for it. */
    StartedCall startCall(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs,
            Map<String, ?> options) {
        return startCall(procedure, args, kwargs, options, false);
    }

    /**
     * Starts a progressive call invocation (CALL with {@code progress: true}, wampy only) with its first chunk;
     * {@link StartedCall#send} sends the others.
     */
    StartedCall startProgressiveCall(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs,
            Map<String, ?> options) {
        return startCall(procedure, args, kwargs, options, true);
    }

    private StartedCall startCall(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs,
            Map<String, ?> options, boolean progressive) {
        String handle = "call-" + handles.incrementAndGet();
        Map<String, Object> command = callCommand("callStart", procedure, args, kwargs, options);
        command.put("handle", handle);
        command.put("progressive", progressive);
        resultOf(request(command));
        return new StartedCall(handle, procedure);
    }

    private static Map<String, Object> callCommand(String op, String procedure, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs, Map<String, ?> options) {
        Map<String, Object> command = command(op, "procedure", procedure, "options", Values.toDriver(options));
        if (args != null) {
            command.put("args", Values.toDriver(args));
        }
        if (kwargs != null) {
            command.put("kwargs", Values.toDriver(kwargs));
        }
        return command;
    }

    @SuppressWarnings("unchecked")
    private CallOutcome outcome(String procedure, Map<String, Object> reply) {
        WampReply answer;
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            Map<String, Object> result = resultOf(reply);
            answer = WampReply.result(result.get("args"), result.get("kwargs"));
        }
        else if (reply.get("error") instanceof Map<?, ?> error) {
            answer = WampReply.error((String) error.get("uri"), error.get("args"), error.get("kwargs"));
        }
        else {
            throw new AssertionError(library + " call of " + procedure + " failed in the driver: "
                    + reply.get("failure") + "\n" + diagnostics());
        }
        List<WampReply> progress = new ArrayList<>();
        for (Object chunk : (List<Object>) reply.getOrDefault("progress", List.of())) {
            Map<String, Object> map = (Map<String, Object>) chunk;
            progress.add(WampReply.result(map.get("args"), map.get("kwargs")));
        }
        Number elapsed = (Number) reply.get("elapsedMs");
        return new CallOutcome(answer, progress, elapsed != null ? elapsed.longValue() : -1);
    }

    /** A call's answer, the progressive results before it, and how long after the CALL it came (ms). */
    record CallOutcome(WampReply reply, List<WampReply> progress, long elapsedMs) {
    }

    /** A call started with {@link #startCall}: it can be canceled, continued (progressive) and awaited. */
    final class StartedCall {

        private final String handle;
        private final String procedure;

        private StartedCall(String handle, String procedure) {
            this.handle = handle;
            this.procedure = procedure;
        }

        /** Cancels the call with this CANCEL.Options.mode ({@code skip}, {@code kill}, {@code killnowait}). */
        void cancel(String mode) {
            resultOf(request(command("cancel", "handle", handle, "mode", mode)));
        }

        /** Sends the next chunk of a progressive call invocation; {@code last} ends the stream. */
        void send(@Nullable List<?> args, @Nullable Map<String, ?> kwargs, boolean last) {
            Map<String, Object> command = command("callSend", "handle", handle, "final", last);
            if (args != null) {
                command.put("args", Values.toDriver(args));
            }
            if (kwargs != null) {
                command.put("kwargs", Values.toDriver(kwargs));
            }
            resultOf(request(command));
        }

        /** Waits (up to 20 s) for the call's answer. */
        CallOutcome outcome() {
            return NodeWampClient.this.outcome(procedure,
                    request(command("callResult", "handle", handle, "timeoutMs", 20000), Duration.ofSeconds(30)));
        }
    }

    /**
     * Registers a callee with REGISTER.Options and one of the driver's behaviors ({@code extra} holds the
     * behavior's parameters: result, error, chunks). Answers the registration id, or the router's refusal.
     */
    Registration register(String procedure, Map<String, ?> options, String behavior, Map<String, ?> extra) {
        Map<String, Object> command = command("register", "procedure", procedure, "behavior", behavior,
                "options", Values.toDriver(options));
        extra.forEach((key, value) -> command.put(key, Values.toDriver(value)));
        Map<String, Object> reply = request(command);
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return new Registration(((Number) resultOf(reply).get("registrationId")).longValue(), null);
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            return new Registration(null, (String) error.get("uri"));
        }
        throw new AssertionError(library + " register of " + procedure + " failed in the driver: "
                + reply.get("failure") + "\n" + diagnostics());
    }

    /** A registration's id, or the error URI the router refused it with. */
    record Registration(@Nullable Long id, @Nullable String error) {
    }

    /** Answers every invocation a {@code hold} callee of {@code procedure} keeps; returns how many there were. */
    int release(String procedure) {
        return ((Number) resultOf(request(command("release", "procedure", procedure))).get("released")).intValue();
    }

    /** The RPC messages received so far, each as [type, request id, options or details] (no payloads). */
    @SuppressWarnings("unchecked")
    List<List<Object>> receivedRpcMessages() {
        return (List<List<Object>>) Values.normalize(resultOf(request(command("wire"))).get("received"));
    }

    void registerEcho(String procedure) {
        resultOf(request(command("register", "procedure", procedure, "behavior", "echo")));
    }

    void registerFailing(String procedure, String errorUri, List<?> args, Map<String, ?> kwargs) {
        resultOf(request(command("register", "procedure", procedure, "behavior", "fail", "error",
                Map.of("uri", errorUri, "args", Values.toDriver(args), "kwargs", Values.toDriver(kwargs)))));
    }

    /** Registers a callee that records each invocation and always answers with these args and kwargs. */
    void registerConstant(String procedure, List<?> args, Map<String, ?> kwargs) {
        resultOf(request(command("register", "procedure", procedure, "behavior", "constant", "result",
                Map.of("args", Values.toDriver(args), "kwargs", Values.toDriver(kwargs)))));
    }

    /** Whether the process runs and its WAMP session is open. */
    boolean isOpen() {
        if (!process.isAlive()) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(resultOf(request(command("status"), Duration.ofSeconds(10))).get("open"));
        }
        catch (RuntimeException | AssertionError ex) {
            return false;
        }
    }

    void subscribe(String topic) {
        resultOf(request(command("subscribe", "topic", topic)));
    }

    void publish(String topic, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        Map<String, Object> command = command("publish", "topic", topic);
        if (args != null) {
            command.put("args", Values.toDriver(args));
        }
        if (kwargs != null) {
            command.put("kwargs", Values.toDriver(kwargs));
        }
        resultOf(request(command));
    }

    /**
     * Subscribes with SUBSCRIBE.Options; the events are kept under {@code key} (one session may hold an exact and a
     * pattern subscription of one URI). Answers the subscription id, or the router's refusal.
     */
    Subscribed subscribe(String key, String topic, Map<String, ?> options) {
        Map<String, Object> reply = request(command("subscribe", "key", key, "topic", topic, "options",
                Values.toDriver(options)));
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return new Subscribed(((Number) resultOf(reply).get("subscriptionId")).longValue(), null);
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            return new Subscribed(null, (String) error.get("uri"));
        }
        throw new AssertionError(library + " subscribe to " + topic + " failed in the driver: " + reply.get("failure")
                + "\n" + diagnostics());
    }

    /** A subscription's id, or the error URI the router refused it with. */
    record Subscribed(@Nullable Long id, @Nullable String error) {
    }

    /** Unsubscribes what {@link #subscribe(String, String, Map)} kept under {@code key}; null or the error URI. */
    @Nullable String unsubscribe(String key) {
        Map<String, Object> reply = request(command("unsubscribe", "key", key));
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return null;
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            return (String) error.get("uri");
        }
        throw new AssertionError(library + " unsubscribe of " + key + " failed in the driver: "
                + reply.get("failure") + "\n" + diagnostics());
    }

    /**
     * Publishes with PUBLISH.Options, acknowledged unless they say {@code acknowledge: false} (which only autobahn-js
     * can send). Answers the publication id (null when not acknowledged), or the broker's ERROR.
     */
    Published publish(String topic, @Nullable List<?> args, @Nullable Map<String, ?> kwargs, Map<String, ?> options) {
        Map<String, Object> command = command("publish", "topic", topic, "options", Values.toDriver(options));
        if (args != null) {
            command.put("args", Values.toDriver(args));
        }
        if (kwargs != null) {
            command.put("kwargs", Values.toDriver(kwargs));
        }
        Map<String, Object> reply = request(command);
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            Object id = resultOf(reply).get("publicationId");
            return new Published(id instanceof Number number ? number.longValue() : null, null);
        }
        if (reply.get("error") instanceof Map<?, ?> error) {
            return new Published(null, (String) error.get("uri"));
        }
        throw new AssertionError(library + " publish to " + topic + " failed in the driver: " + reply.get("failure")
                + "\n" + diagnostics());
    }

    /** A publication's id (null when it was not acknowledged), or the error URI the broker refused it with. */
    record Published(@Nullable Long id, @Nullable String error) {
    }

    /**
     * Publishes args [0], [1], ..., [count - 1] back to back in the driver (acknowledged), then waits for every
     * PUBLISHED; answers the publication ids in publish order.
     */
    @SuppressWarnings("unchecked")
    List<Long> publishMany(String topic, int count, Map<String, ?> options, @Nullable Map<String, ?> kwargs) {
        Map<String, Object> command = command("publishMany", "topic", topic, "count", count, "options",
                Values.toDriver(options), "timeoutMs", 60000);
        if (kwargs != null) {
            command.put("kwargs", Values.toDriver(kwargs));
        }
        List<Object> ids = (List<Object>) resultOf(request(command, Duration.ofSeconds(70))).get("publicationIds");
        return ids.stream().map(id -> id == null ? null : ((Number) id).longValue()).toList();
    }

    /**
     * Waits (in the driver, up to 15 s) until at least {@code count} events arrived under {@code key} (of
     * {@link #subscribe(String, String, Map)}); returns all, with EVENT.Details as they came on the wire.
     */
    List<Event> eventsOf(String key, int count) {
        return events(request(command("events", "key", key, "count", count, "timeoutMs", 15000)));
    }

    /** As {@link #eventsOf(String, int)}, counting only events whose {@code kwargs.token} is {@code token}. */
    List<Event> eventsOf(String key, String token, int count) {
        return events(request(command("events", "key", key, "token", token, "count", count, "timeoutMs", 15000)));
    }

    /** One event as the client received it: the subscription and publication ids and details from the wire. */
    record Event(long subscription, long publication, Map<String, Object> details, List<Object> args,
            Map<String, Object> kwargs) {
    }

    @SuppressWarnings("unchecked")
    private List<Event> events(Map<String, Object> reply) {
        if (!Boolean.TRUE.equals(reply.get("ok"))) {
            throw new AssertionError(library + ": " + reply.get("failure") + "; " + diagnostics());
        }
        List<Event> events = new ArrayList<>();
        for (Object entry : (List<Object>) reply.get("result")) {
            Map<String, Object> map = (Map<String, Object>) entry;
            events.add(new Event(((Number) map.get("subscription")).longValue(),
                    ((Number) map.get("publication")).longValue(), Values.normalizeMap(map.get("details")),
                    Values.normalizeList(map.get("args")), Values.normalizeMap(map.get("kwargs"))));
        }
        return events;
    }

    /** The PUBLISH and SUBSCRIBE messages sent so far without payloads ([type, request, options, uri]). */
    @SuppressWarnings("unchecked")
    List<List<Object>> sentPubSubRequests() {
        return (List<List<Object>>) Values.normalize(resultOf(request(command("wire"))).get("pubsubSent"));
    }

    /** Waits (in the driver, up to 15 s) until at least {@code count} events arrived on the topic; returns all. */
    List<Received> events(String topic, int count) {
        return received(request(command("events", "topic", topic, "count", count, "timeoutMs", 15000)));
    }

    /** As {@link #events(String, int)}, counting only events whose {@code kwargs.token} is {@code token}. */
    List<Received> events(String topic, String token, int count) {
        return received(request(command("events", "topic", topic, "token", token, "count", count, "timeoutMs", 15000)));
    }

    /** Waits (in the driver, up to 15 s) until at least {@code count} invocations of the procedure arrived. */
    List<Received> invocations(String procedure, int count) {
        return received(request(command("invocations", "procedure", procedure, "count", count, "timeoutMs", 15000)));
    }

    Map<String, Object> stats() {
        return resultOf(request(command("stats")));
    }

    /**
     * One event or invocation as the client received it; {@code request} is an INVOCATION's request id (0 for an
     * event).
     */
    record Received(List<Object> args, Map<String, Object> kwargs, Map<String, Object> details, long request) {
    }

    @SuppressWarnings("unchecked")
    private List<Received> received(Map<String, Object> reply) {
        if (!Boolean.TRUE.equals(reply.get("ok"))) {
            throw new AssertionError(library + ": " + reply.get("failure") + "; " + diagnostics());
        }
        List<Received> received = new ArrayList<>();
        for (Object entry : (List<Object>) reply.get("result")) {
            Map<String, Object> map = (Map<String, Object>) entry;
            received.add(new Received(Values.normalizeList(map.get("args")), Values.normalizeMap(map.get("kwargs")),
                    Values.normalizeMap(map.get("details")),
                    map.get("request") instanceof Number request ? request.longValue() : 0));
        }
        return received;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the line protocol

    private static Map<String, Object> command(String op, Object... keysAndValues) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", op);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            command.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return command;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resultOf(Map<String, Object> reply) {
        if (!Boolean.TRUE.equals(reply.get("ok"))) {
            throw new AssertionError(library + " driver failed: " + (reply.get("failure") != null
                    ? reply.get("failure") : "WAMP error " + reply.get("error")) + "; " + diagnostics());
        }
        return (Map<String, Object>) reply.get("result");
    }

    Map<String, Object> request(Map<String, Object> command) {
        return request(command, DEFAULT_TIMEOUT);
    }

    Map<String, Object> request(Map<String, Object> command, Duration timeout) {
        long id = ids.incrementAndGet();
        Map<String, Object> withId = new LinkedHashMap<>(command);
        withId.put("id", id);
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (stdin) {
                stdin.write(JSON.writeValueAsString(withId));
                stdin.write('\n');
                stdin.flush();
            }
        }
        catch (IOException ex) {
            pending.remove(id);
            throw new IllegalStateException("cannot write to node (" + library + "): " + diagnostics(), ex);
        }
        return await(id, timeout);
    }

    private Map<String, Object> await(long id, Duration timeout) {
        try {
            return pending.get(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new AssertionError("no reply from node (" + library + ") within " + timeout + "; " + diagnostics());
        }
        catch (ExecutionException ex) {
            throw new AssertionError(ex.getCause().getMessage(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
        finally {
            pending.remove(id);
        }
    }

    @SuppressWarnings("unchecked")
    private void readStdout(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith(PREFIX)) {
                    keep(otherStdout, line);
                    continue;
                }
                Map<String, Object> reply = JSON.readValue(line.substring(PREFIX.length()), Map.class);
                long id = ((Number) reply.get("id")).longValue();
                CompletableFuture<Map<String, Object>> future = pending.get(id);
                if (future != null) {
                    future.complete(reply);
                }
                else {
                    keep(otherStdout, "unexpected reply: " + line);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            keep(otherStdout, "stdout reader failed: " + ex);
        }
    }

    private void readStderr(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                keep(stderr, line);
            }
        }
        catch (IOException ex) {
            keep(stderr, "stderr reader failed: " + ex);
        }
    }

    private static void keep(StringBuilder buffer, String line) {
        synchronized (buffer) {
            buffer.append(line.length() > 2000 ? line.substring(0, 2000) + "..." : line).append('\n');
            if (buffer.length() > STDERR_KEEP) {
                buffer.delete(0, buffer.length() - STDERR_KEEP);
            }
        }
    }

    String diagnostics() {
        String err;
        String out;
        synchronized (stderr) {
            err = stderr.toString();
        }
        synchronized (otherStdout) {
            out = otherStdout.toString();
        }
        return "node stderr:\n" + err + (out.isEmpty() ? "" : "other stdout:\n" + out);
    }

    /**
     * Whether the session is open and, once the router closed it (autobahn-js only), the GOODBYE's reason and
     * {@code details.message} as the library reports them.
     */
    Status status() {
        Map<String, Object> status = resultOf(request(command("status"), Duration.ofSeconds(10)));
        return new Status(Boolean.TRUE.equals(status.get("open")), (String) status.get("closeReason"),
                (String) status.get("closeMessage"));
    }

    record Status(boolean open, @Nullable String closeReason, @Nullable String closeMessage) {
    }

    /** Ends the node process at once: its connection drops without a GOODBYE, as when a browser tab crashes. */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("node (" + library + ") did not die");
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Leaves the session, then ends the process; whatever happens, the process is destroyed. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    request(command("leave"), Duration.ofSeconds(5));
                }
                catch (RuntimeException | AssertionError ignored) {
                    // the process is destroyed below in any case
                }
                try {
                    stdin.close();
                }
                catch (IOException ignored) {
                    // already gone
                }
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
