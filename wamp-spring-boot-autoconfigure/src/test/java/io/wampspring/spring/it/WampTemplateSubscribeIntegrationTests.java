package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.core.SubscribeOptions;
import io.wampspring.spring.core.WampSubscription;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.wampspring.spring.it.TestWampClient.await;
import static io.wampspring.spring.it.TestWampClient.poll;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions made from Java code through {@link WampTemplate#subscribe}, with remote publishers. */
class WampTemplateSubscribeIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WampTemplate template;

    @Autowired
    WampRouter router;

    @AllSerializers
    void aHandlerGetsRemoteEventsUntilItsSubscriptionEnds(String serializer) {
        String topic = "test.template.subscribe." + serializer;
        BlockingQueue<WampEventContext> received = new LinkedBlockingQueue<>();
        BlockingQueue<WampEventContext> witnessed = new LinkedBlockingQueue<>();
        WampSubscription subscription = await(template.subscribe(topic, SubscribeOptions.DEFAULTS, received::add));
        WampSubscription witness = await(template.subscribe(topic, SubscribeOptions.DEFAULTS, witnessed::add));
        assertThat(subscription.topic()).isEqualTo(topic);
        assertThat(witness.id()).isEqualTo(subscription.id());
        TestWampClient publisher = join(serializer);

        long publication = publisher.publishAcknowledged(topic, List.of("a", 1), Map.of("k", "v"));
        WampEventContext event = poll(received, "event a");
        assertThat(event.args()).containsExactly("a", 1L);
        assertThat(event.kwargs()).isEqualTo(Map.of("k", "v"));
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.publicationId()).isEqualTo(publication);
        assertThat(event.subscriptionId()).isEqualTo(subscription.id());
        assertThat(event.publisherSessionId()).isNull();
        assertThat(event.retained()).isFalse();

        await(subscription.unsubscribe());
        publisher.publishAcknowledged(topic, List.of("b"), null);
        publisher.publishAcknowledged(topic, List.of("c"), null);
        // the other handler of the template's session still gets every event, so the ended one would have too
        assertThat(List.of(poll(witnessed, "a"), poll(witnessed, "b"), poll(witnessed, "c")))
                .extracting(context -> context.args().get(0)).containsExactly("a", "b", "c");
        assertThat(received).isEmpty();
        assertThat(router.realm("realm1").broker().subscription(witness.id())).isNotNull();

        await(witness.unsubscribe());
        assertThat(router.realm("realm1").broker().subscription(witness.id())).isNull();
        assertThat(subscription.failures()).isZero();
        assertThat(subscription.droppedEvents()).isZero();
    }

    @Test
    void unsubscribingTwiceEndsTheSubscriptionOnce() {
        WampSubscription subscription = await(template.subscribe("test.template.twice", SubscribeOptions.DEFAULTS,
                event -> {
                }));
        CompletableFuture<Void> first = subscription.unsubscribe();
        assertThat(subscription.unsubscribe()).isSameAs(first);
        await(first);
        assertThat(router.realm("realm1").broker().subscription(subscription.id())).isNull();
    }

    @AllSerializers
    void aTypedHandlerGetsTheEventsValue(String serializer) {
        String topic = "test.template.typed." + serializer;
        BlockingQueue<Person> received = new LinkedBlockingQueue<>();
        WampSubscription subscription = await(template.subscribe(topic, SubscribeOptions.DEFAULTS, Person.class,
                (person, event) -> received.add(person)));
        TestWampClient publisher = join(serializer);

        publisher.publishAcknowledged(topic, List.of(Map.of("name", "Ada", "age", 36)), null);
        publisher.publishAcknowledged(topic, List.of(), Map.of("name", "Alan", "age", 41));
        // a value that is no person fails that event only, and is counted
        publisher.publishAcknowledged(topic, List.of("nobody"), null);
        publisher.publishAcknowledged(topic, List.of(Map.of("name", "Grace", "age", 45)), null);

        assertThat(poll(received, "Ada")).isEqualTo(new Person("Ada", 36));
        assertThat(poll(received, "Alan")).isEqualTo(new Person("Alan", 41));
        assertThat(poll(received, "Grace")).isEqualTo(new Person("Grace", 45));
        assertThat(subscription.failures()).isEqualTo(1);
        await(subscription.unsubscribe());
    }

    @Test
    void aPatternHandlerLearnsThePublishedTopic() {
        BlockingQueue<WampEventContext> received = new LinkedBlockingQueue<>();
        WampSubscription subscription = await(template.subscribe("test.template.pattern.",
                SubscribeOptions.DEFAULTS.withMatch(Match.PREFIX), received::add));
        TestWampClient publisher = join("json");

        publisher.publishAcknowledged("test.template.pattern.sensor.1", List.of(21), null);
        publisher.publishAcknowledged("test.template.other", List.of(0), null);
        publisher.publishAcknowledged("test.template.pattern.sensor.2", List.of(22), null);

        WampEventContext first = poll(received, "first event");
        WampEventContext second = poll(received, "second event");
        assertThat(List.of(first.topic(), second.topic()))
                .containsExactly("test.template.pattern.sensor.1", "test.template.pattern.sensor.2");
        assertThat(second.args()).containsExactly(22L);
        assertThat(received).isEmpty();
        await(subscription.unsubscribe());
    }
}
