package io.wampspring.benchmarks;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.WampMessage;

/**
 * The baseline: sends the very frame an {@code rpc-remote} caller sends (a JSON CALL with the same payload) to the
 * plain echo endpoint and checks what comes back, so the client does the same encoding and decoding work per
 * operation as in {@code rpc-remote}; only the server side differs.
 */
final class EchoClient extends ClosedLoopClient {

    private final String payload;

    EchoClient(LoadRun run, int index, String payload) {
        super(run, index);
        this.payload = payload;
    }

    @Override
    protected void start() {
        ready.complete(null);
    }

    @Override
    protected String request(long id) {
        return Wamp.encode(new Call(id, Map.of(), BenchmarkConfig.REMOTE_PROCEDURE, Payload.of(List.of(payload), null)));
    }

    @Override
    public void onText(String text) {
        WampMessage message = Wamp.decodeOrCount(text, run, "undecodable echo");
        if (message == null) {
            return;
        }
        if (message instanceof Call call) {
            replied(call.request(), Wamp.isSingleArg(call.payload().args(), payload) ? null : "wrong echo");
        }
        else {
            run.error("unexpected echo " + message.type());
        }
    }

    @Override
    protected void finish() {
        closing = true;
        connection.close();
        finished.complete(null);
    }
}
