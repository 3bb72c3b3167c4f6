package io.wampspring.spring.it;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @WampTopic(match = PREFIX)}: events of every matching topic, with the topic they were published to. */
class PatternTopicIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    PatternTopicEndpoints endpoints;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void anAnnotatedPrefixSubscriberLearnsTheActualTopic(String serializer) throws Exception {
        endpoints.received.clear();
        TestWampClient publisher = join(serializer);

        publisher.publishAcknowledged("test.pattern.sensor.7.temperature", List.of(21), null);
        publisher.publishAcknowledged("test.pattern.other", List.of(1), null);
        publisher.publishAcknowledged("test.pattern.sensor.8.humidity", List.of(40), null);

        assertThat(endpoints.received.poll(10, TimeUnit.SECONDS)).isEqualTo("test.pattern.sensor.7.temperature=21");
        assertThat(endpoints.received.poll(10, TimeUnit.SECONDS)).isEqualTo("test.pattern.sensor.8.humidity=40");
    }
}
