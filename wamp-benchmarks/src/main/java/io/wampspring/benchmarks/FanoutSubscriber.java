package io.wampspring.benchmarks;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;

/**
 * One subscriber session of {@code pubsub-fanout}: subscribes to the topic (exact match, no options) and checks every
 * EVENT: its subscription, the payload, and that publication numbers arrive one after the other, in publish order,
 * none missing.
 */
final class FanoutSubscriber extends LoadSession {

    private final FanoutPublisher publisher;
    private final String topic;
    private final String payload;
    private volatile long subscription;
    /** The publication number this subscriber expects next; its frames arrive one at a time. */
    private volatile long expected = 1;

    FanoutSubscriber(LoadRun run, FanoutPublisher publisher, String realm, String topic, String payload) {
        super(run, realm, "subscriber", "the router ended a subscriber's session",
                "a subscriber lost its connection");
        this.publisher = publisher;
        this.topic = topic;
        this.payload = payload;
    }

    @Override
    public void onText(String text) {
        WampMessage message = decode(text);
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
            ready.complete(null);
        }
        else if (message instanceof ErrorMessage error) {
            run.error("subscriber: ERROR " + error.error());
            ready.completeExceptionally(new IllegalStateException("SUBSCRIBE failed: " + error.error()));
        }
        else {
            onOther(message);
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
}
