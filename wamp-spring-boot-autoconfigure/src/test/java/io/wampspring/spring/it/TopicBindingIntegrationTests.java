package io.wampspring.spring.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code @WampTopic} methods receiving events from a remote publisher. */
class TopicBindingIntegrationTests extends AbstractWampIntegrationTests {

    private static final int EVENTS = 10_000;

    @Autowired
    TopicEndpoints topics;

    @AllSerializers
    void eventContextNeverConsumesAnArgument(String serializer) {
        TestWampClient publisher = join(serializer);
        for (String topic : List.of("test.topic.context", "test.topic.context_first")) {
            String token = topic + "-" + serializer;
            long publication = publisher.publishAcknowledged(topic, List.of(token), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> topics.byValue.containsKey(token));
            TopicEndpoints.Received received = topics.byValue.get(token);
            assertThat(received.value()).isEqualTo(token);
            assertThat(received.context().topic()).isEqualTo(topic);
            assertThat(received.context().publicationId()).isEqualTo(publication);
            assertThat(received.context().subscriptionId()).isPositive();
            assertThat(received.context().args()).containsExactly(token);
        }
    }

    @AllSerializers
    void recordParameterBindsFromEventKwargs(String serializer) {
        TestWampClient publisher = join(serializer);
        String name = "kwargs-" + serializer;
        publisher.publishAcknowledged("test.topic.person", List.of(), Map.of("name", name, "age", 30));
        String other = "args-" + serializer;
        publisher.publishAcknowledged("test.topic.person", List.of(Map.of("name", other, "age", 31)), null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> topics.persons.containsKey(name) && topics.persons.containsKey(other));
        assertThat(topics.persons.get(name)).isEqualTo(new Person(name, 30));
        assertThat(topics.persons.get(other)).isEqualTo(new Person(other, 31));
    }

    @AllSerializers
    void tenThousandEventsFromOnePublisherArriveInOrder(String serializer) throws Exception {
        TestWampClient publisher = join(serializer);
        String run = "run-" + serializer + "-" + System.nanoTime();
        List<Future<?>> sent = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            sent.add(publisher.publish("test.topic.sequence", List.of(run, i), null));
        }
        sent.get(EVENTS - 1).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Integer> received = topics.sequences.get(run);
            return received != null && received.size() >= EVENTS;
        });
        List<Integer> received;
        synchronized (topics.sequences.get(run)) {
            received = List.copyOf(topics.sequences.get(run));
        }
        assertThat(received).hasSize(EVENTS);
        assertThat(received).isEqualTo(IntStream.range(0, EVENTS).boxed().toList());
    }
}
