package io.wampspring.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection of a closed loop: sends a request, waits for its reply, records the latency, sends the next, until
 * the run stops sending. Exactly one request is in flight at any time.
 */
abstract class ClosedLoopClient implements WsConnection.Handler {

    protected final LoadRun run;
    protected final int index;
    protected volatile WsConnection connection;
    /** Completes when the connection is ready to take the first request (WELCOME for WAMP). */
    protected final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Completes when the client has said goodbye and the connection is closed or closing. */
    protected final CompletableFuture<Void> finished = new CompletableFuture<>();
    protected volatile boolean closing;

    private volatile long nextRequest = 1;
    private volatile long outstanding;
    private volatile long sentAt;
    private final AtomicBoolean idle = new AtomicBoolean();

    ClosedLoopClient(LoadRun run, int index) {
        this.run = run;
        this.index = index;
    }

    /** The text frame for request {@code id}. */
    protected abstract String request(long id);

    /** Starts the exchange that makes the connection {@link #ready}. */
    protected abstract void start();

    /** Ends the session politely; completes {@link #finished}. */
    protected abstract void finish();

    final void fire() {
        if (!run.sending()) {
            goIdle();
            return;
        }
        long id = nextRequest++;
        String frame = request(id);
        outstanding = id;
        sentAt = System.nanoTime();
        connection.send(frame);
    }

    /** The reply to request {@code id} arrived; {@code errorKind} is null when it was the expected answer. */
    protected final void replied(long id, String errorKind) {
        long latency = System.nanoTime() - sentAt;
        if (id != outstanding) {
            run.error("reply to a request not in flight");
            return;
        }
        outstanding = 0;
        if (errorKind == null) {
            run.record(latency);
        }
        else {
            run.error(errorKind);
        }
        fire();
    }

    final boolean inFlight() {
        return outstanding != 0;
    }

    final void goIdle() {
        if (idle.compareAndSet(false, true)) {
            run.idle();
        }
    }

    @Override
    public void onEnd(int statusCode, String reason, Throwable error) {
        if (!closing) {
            run.error(error != null ? "connection failed: " + error : "connection closed by server: " + statusCode
                    + " " + reason);
            ready.completeExceptionally(new IllegalStateException("connection ended before it was ready"));
            goIdle();
        }
        finished.complete(null);
    }
}
