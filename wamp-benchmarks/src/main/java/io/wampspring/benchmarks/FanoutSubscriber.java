package io.wampspring.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;

/**
 * One subscriber session of {@code pubsub-fanout}: subscribes to the topic (exact match, no options) and checks every
 * EVENT: its subscription, the payload, and that publication numbers arrive one after the other, in publish order,
 * none missing.
 */
final class FanoutSubscriber implements WsConnection.Handler {

    private final LoadRun run;
    private final FanoutPublisher publisher;
    private final String realm;
    private final String topic;
    private final String payload;
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    volatile WsConnection connection;
    private volatile boolean closing;
    private volatile long subscription;
    /** The publication number this subscriber expects next; its frames arrive one at a time. */
    private volatile long expected = 1;

    FanoutSubscriber(LoadRun run, FanoutPublisher publisher, String realm, String topic, String payload) {
        this.run = run;
        this.publisher = publisher;
        this.realm = realm;
        this.topic = topic;
        this.payload = payload;
    }

    void start() {
        connection.send(Wamp.hello(realm, "subscriber"));
    }

    @Override
    public void onText(String text) {
        WampMessage message = Wamp.decodeOrCount(text, run, "subscriber: undecodable frame from router");
        if (message == null) {
            return;
        }
        if (message instanceof Event event) {
            onEvent(event);
        }
        else if (message instanceof Welcome) {
            connection.send(Wamp.encode(new Subscribe(1, Map.of(), topic)));
        }
        else if (message instanceof Subscribed reply) {
            subscription = reply.subscription();
            subscribed.complete(null);
        }
        else if (message instanceof ErrorMessage error) {
            run.error("subscriber: ERROR " + error.error());
            subscribed.completeExceptionally(new IllegalStateException("SUBSCRIBE failed: " + error.error()));
        }
        else if (message instanceof Goodbye) {
            if (!closing) {
                closing = true;
                run.error("subscriber: router said GOODBYE during the run");
                connection.send(Wamp.goodbyeReply());
                run.fatal("the router ended a subscriber's session");
            }
            connection.close();
            finished.complete(null);
        }
        else if (message instanceof Abort abort) {
            run.error("subscriber: ABORT " + abort.reason());
            subscribed.completeExceptionally(new IllegalStateException("ABORT " + abort.reason()));
        }
        else {
            run.error("subscriber: unexpected " + message.type());
        }
    }

    private void onEvent(Event event) {
        List<Object> args = event.payload().args();
        if (event.subscription() != subscription || args == null || args.size() != 2
                || !(args.get(0) instanceof Number number) || !payload.equals(args.get(1))) {
            run.error("subscriber: wrong EVENT");
            return;
        }
        long received = number.longValue();
        if (received != expected) {
            run.error("subscriber: EVENT of publication " + received + " where " + expected + " was next");
            run.fatal("events out of order or missing");
            return;
        }
        expected = received + 1;
        if (!publisher.eventArrived(received)) {
            run.error("subscriber: EVENT of a publication not in flight");
        }
    }

    void finish() {
        closing = true;
        connection.send(Wamp.goodbye());
    }

    @Override
    public void onEnd(int statusCode, String reason, Throwable error) {
        if (!closing) {
            run.error(error != null ? "subscriber connection failed: " + error
                    : "subscriber connection closed by server: " + statusCode + " " + reason);
            subscribed.completeExceptionally(new IllegalStateException("subscriber connection ended"));
            // its events will never arrive: the window would stall
            run.fatal("a subscriber lost its connection");
        }
        finished.complete(null);
    }
}
