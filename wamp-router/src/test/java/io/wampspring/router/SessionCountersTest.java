package io.wampspring.router;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each remote connection counts the messages it received and the messages it queued for its peer. */
class SessionCountersTest {

    private final WampRouter router = new WampRouter(RouterConfig.defaults(),
            List.of(RealmConfig.anonymous("realm1")));

    @Test
    void countsMessagesInAndOut() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        // HELLO in, WELCOME out
        assertThat(subscriber.connection.messagesIn()).isEqualTo(1);
        assertThat(subscriber.connection.messagesOut()).isEqualTo(1);

        subscriber.subscribe("com.example.topic");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        publisher.send(new io.wampspring.router.message.Publish(publisher.nextRequest(),
                java.util.Map.of("acknowledge", true), "com.example.topic",
                io.wampspring.router.message.Payload.EMPTY));
        publisher.next(io.wampspring.router.message.Published.class);
        subscriber.next(io.wampspring.router.message.Event.class);

        // HELLO and SUBSCRIBE in; WELCOME, SUBSCRIBED and the EVENT out
        assertThat(subscriber.connection.messagesIn()).isEqualTo(2);
        assertThat(subscriber.connection.messagesOut()).isEqualTo(3);
        // HELLO and PUBLISH in; WELCOME and PUBLISHED out
        assertThat(publisher.connection.messagesIn()).isEqualTo(2);
        assertThat(publisher.connection.messagesOut()).isEqualTo(2);
        assertThat(publisher.connection.queuedBytes()).isGreaterThanOrEqualTo(0);
    }
}
