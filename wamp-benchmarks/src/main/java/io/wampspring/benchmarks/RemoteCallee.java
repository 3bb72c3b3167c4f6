package io.wampspring.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;

/** The one remote callee of {@code rpc-remote}: registers {@code bench.echo} and YIELDs every INVOCATION's args back. */
final class RemoteCallee extends LoadSession {

    private final String procedure;
    final LongAdder invocations = new LongAdder();

    RemoteCallee(LoadRun run, String realm, String procedure) {
        super(run, realm, "callee", null, "the remote callee lost its connection");
        this.procedure = procedure;
    }

    @Override
    public void onText(String text) {
        WampMessage message = decode(text);
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
            ready.complete(null);
        }
        else if (message instanceof ErrorMessage error) {
            run.error("callee: ERROR " + error.error());
            ready.completeExceptionally(new IllegalStateException("REGISTER failed: " + error.error()));
        }
        else {
            onOther(message);
        }
    }
}
