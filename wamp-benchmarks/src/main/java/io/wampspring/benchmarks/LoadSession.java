package io.wampspring.benchmarks;

import java.util.concurrent.CompletableFuture;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;

/**
 * What the load client's own WAMP sessions (the remote callee, the fan-out publisher and subscribers) share: HELLO,
 * the end of the session however it comes (GOODBYE, ABORT, a lost connection), and GOODBYE when the run is over.
 */
abstract class LoadSession implements WsConnection.Handler {

    final LoadRun run;
    private final String realm;
    private final String role;
    private final @Nullable String endedByRouter;
    private final String connectionLost;
    /** Completes once the session is set up (registered, subscribed, welcomed), or fails if it cannot be. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    volatile WsConnection connection;
    private volatile boolean closing;

    /**
     * @param role the role this session announces, which also names it in error messages
     * @param endedByRouter the fatal error of the run when the router ends the session, or null if it is none
     * @param connectionLost the fatal error of the run when the connection is lost
     */
    LoadSession(LoadRun run, String realm, String role, @Nullable String endedByRouter, String connectionLost) {
        this.run = run;
        this.realm = realm;
        this.role = role;
        this.endedByRouter = endedByRouter;
        this.connectionLost = connectionLost;
    }

    void start() {
        connection.send(Wamp.hello(realm, role));
    }

    /** The frame decoded, or null (counted as an error) if it is not WAMP. */
    final @Nullable WampMessage decode(String text) {
        return Wamp.decodeOrCount(text, run, role + ": undecodable frame from router");
    }

    /** Handles a message the session's own protocol did not expect: GOODBYE, ABORT, or anything else. */
    final void onOther(WampMessage message) {
        if (message instanceof Goodbye) {
            if (!closing) {
                closing = true;
                run.error(role + ": router said GOODBYE during the run");
                connection.send(Wamp.goodbyeReply());
                if (endedByRouter != null) {
                    run.fatal(endedByRouter);
                }
            }
            connection.close();
            finished.complete(null);
        }
        else if (message instanceof Abort abort) {
            run.error(role + ": ABORT " + abort.reason());
            ready.completeExceptionally(new IllegalStateException("ABORT " + abort.reason()));
        }
        else {
            run.error(role + ": unexpected " + message.type());
        }
    }

    void finish() {
        closing = true;
        connection.send(Wamp.goodbye());
    }

    @Override
    public void onEnd(int statusCode, String reason, Throwable error) {
        if (!closing) {
            run.error(error != null ? role + " connection failed: " + error
                    : role + " connection closed by server: " + statusCode + " " + reason);
            ready.completeExceptionally(new IllegalStateException(role + " connection ended"));
            run.fatal(connectionLost);
        }
        finished.complete(null);
    }
}
