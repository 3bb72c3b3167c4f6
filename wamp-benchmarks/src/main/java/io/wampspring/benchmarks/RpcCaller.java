package io.wampspring.benchmarks;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;

/**
 * A WAMP caller session: HELLO, then one CALL in flight at a time, each RESULT checked, then GOODBYE. Calls either
 * {@code bench.echo} with a string payload (checking it comes back unchanged) or {@code com.example.add2} with two
 * integers (checking the sum).
 */
final class RpcCaller extends ClosedLoopClient {

    private final String realm;
    private final String procedure;
    /** The string argument for {@code bench.echo}; null when calling {@code add2}. */
    private final String payload;
    private volatile long expectedSum;

    RpcCaller(LoadRun run, int index, String realm, String procedure, String payload) {
        super(run, index);
        this.realm = realm;
        this.procedure = procedure;
        this.payload = payload;
    }

    @Override
    protected void start() {
        connection.send(Wamp.hello(realm, "caller"));
    }

    @Override
    protected String request(long id) {
        if (payload != null) {
            return Wamp.encode(new Call(id, Map.of(), procedure, Payload.of(List.of(payload), null)));
        }
        long a = index;
        long b = id % 1000;
        expectedSum = a + b;
        return Wamp.encode(new Call(id, Map.of(), procedure, Payload.ofArgs(a, b)));
    }

    @Override
    public void onText(String text) {
        WampMessage message = Wamp.decodeOrCount(text, run, "undecodable frame from router");
        if (message == null) {
            return;
        }
        if (message instanceof Result result) {
            replied(result.request(), check(result.payload().args()));
        }
        else if (message instanceof ErrorMessage error) {
            replied(error.request(), "ERROR " + error.error());
        }
        else if (message instanceof Welcome) {
            ready.complete(null);
        }
        else if (message instanceof Goodbye) {
            if (!closing) {
                closing = true;
                run.error("router said GOODBYE during the run");
                connection.send(Wamp.goodbyeReply());
                goIdle();
            }
            connection.close();
            finished.complete(null);
        }
        else if (message instanceof Abort abort) {
            run.error("ABORT " + abort.reason());
            ready.completeExceptionally(new IllegalStateException("ABORT " + abort.reason()));
            goIdle();
        }
        else {
            run.error("unexpected " + message.type());
        }
    }

    private String check(List<Object> args) {
        if (payload != null) {
            return Wamp.isSingleArg(args, payload) ? null : "wrong result";
        }
        if (args != null && args.size() == 1 && args.get(0) instanceof Number sum && sum.longValue() == expectedSum) {
            return null;
        }
        return "wrong result";
    }

    @Override
    protected void finish() {
        closing = true;
        connection.send(Wamp.goodbye());
    }
}
