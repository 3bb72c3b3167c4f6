package io.wampspring.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;

/** The one remote callee of {@code rpc-remote}: registers {@code bench.echo} and YIELDs every INVOCATION's args back. */
final class RemoteCallee implements WsConnection.Handler {

    private final LoadRun run;
    private final String realm;
    private final String procedure;
    final CompletableFuture<Void> registered = new CompletableFuture<>();
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    final LongAdder invocations = new LongAdder();
    volatile WsConnection connection;
    private volatile boolean closing;

    RemoteCallee(LoadRun run, String realm, String procedure) {
        this.run = run;
        this.realm = realm;
        this.procedure = procedure;
    }

    void start() {
        connection.send(Wamp.hello(realm, "callee"));
    }

    @Override
    public void onText(String text) {
        WampMessage message = Wamp.decodeOrCount(text, run, "callee: undecodable frame from router");
        if (message == null) {
            return;
        }
        if (message instanceof Invocation invocation) {
            invocations.increment();
            connection.send(Wamp.encode(new Yield(invocation.request(), Map.of(), invocation.payload())));
        }
        else if (message instanceof Welcome) {
            connection.send(Wamp.encode(new Register(1, Map.of(), procedure)));
        }
        else if (message instanceof Registered) {
            registered.complete(null);
        }
        else if (message instanceof ErrorMessage error) {
            run.error("callee: ERROR " + error.error());
            registered.completeExceptionally(new IllegalStateException("REGISTER failed: " + error.error()));
        }
        else if (message instanceof Goodbye) {
            if (!closing) {
                closing = true;
                run.error("callee: router said GOODBYE during the run");
                connection.send(Wamp.goodbyeReply());
            }
            connection.close();
            finished.complete(null);
        }
        else if (message instanceof Abort abort) {
            run.error("callee: ABORT " + abort.reason());
            registered.completeExceptionally(new IllegalStateException("ABORT " + abort.reason()));
        }
        else {
            run.error("callee: unexpected " + message.type());
        }
    }

    void finish() {
        closing = true;
        connection.send(Wamp.goodbye());
    }

    @Override
    public void onEnd(int statusCode, String reason, Throwable error) {
        if (!closing) {
            run.error(error != null ? "callee connection failed: " + error
                    : "callee connection closed by server: " + statusCode + " " + reason);
            registered.completeExceptionally(new IllegalStateException("callee connection ended"));
            run.fatal("the remote callee lost its connection");
        }
        finished.complete(null);
    }
}
