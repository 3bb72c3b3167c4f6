package io.wampspring.spring.invocation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @WampTopic(getRetained = true)}: an annotated method gets the retained event of its topic (of every
 * matching topic, for a pattern) as it subscribes at the application's start, marked
 * {@link WampEventContext#retained()}; a method of the same topic that did not ask does not, and none gets it twice.
 */
class RetainedTopicEndpointIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                    TaskExecutionAutoConfiguration.class))
            .withBean(RetainingPublisher.class)
            .withBean(RetainedSubscribers.class);

    private static String next(BlockingQueue<String> received) throws InterruptedException {
        String value = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(value).as("the next event").isNotNull();
        return value;
    }

    @Test
    void annotatedMethodsThatAskGetTheRetainedEventOnceAsTheySubscribe() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RetainedSubscribers subscribers = context.getBean(RetainedSubscribers.class);
            WampTemplate template = context.getBean(WampTemplate.class);
            template.publish("test.retained.door", List.of("live"), null,
                    PublishOptions.DEFAULTS.withAcknowledge(true)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            for (BlockingQueue<String> asked : List.of(subscribers.first, subscribers.second)) {
                assertThat(next(asked)).isEqualTo("retained:open");
                assertThat(next(asked)).isEqualTo("live:live");
            }
            // the method that did not ask starts with the live event
            assertThat(next(subscribers.plain)).isEqualTo("live:live");
            assertThat(subscribers.first).isEmpty();
            assertThat(subscribers.second).isEmpty();
            assertThat(subscribers.plain).isEmpty();
        });
    }

    @Test
    void anAnnotatedPatternGetsTheRetainedEventOfEveryMatchingTopic() {
        runner.run(context -> {
            RetainedSubscribers subscribers = context.getBean(RetainedSubscribers.class);
            assertThat(List.of(next(subscribers.sensors), next(subscribers.sensors))).containsExactlyInAnyOrder(
                    "retained:test.retained.sensor.1=21", "retained:test.retained.sensor.2=22");
        });
    }

    /** Retains events while the application starts, before the annotated methods subscribe. */
    static class RetainingPublisher {

        RetainingPublisher(WampTemplate template) throws Exception {
            PublishOptions retain = PublishOptions.DEFAULTS.withAcknowledge(true).withRetain(true);
            publish(template, "test.retained.door", "closed", retain);
            publish(template, "test.retained.door", "open", retain);
            // not retained: the retained event stays "open"
            publish(template, "test.retained.door", "ajar", PublishOptions.DEFAULTS.withAcknowledge(true));
            publish(template, "test.retained.sensor.1", 21, retain);
            publish(template, "test.retained.sensor.2", 22, retain);
        }

        private static void publish(WampTemplate template, String topic, Object value, PublishOptions options)
                throws Exception {
            template.publish(topic, List.of(value), null, options).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Subscribers of one topic, two that ask for its retained event and one that does not, and a pattern one. */
    static class RetainedSubscribers {

        final BlockingQueue<String> first = new LinkedBlockingQueue<>();
        final BlockingQueue<String> second = new LinkedBlockingQueue<>();
        final BlockingQueue<String> plain = new LinkedBlockingQueue<>();
        final BlockingQueue<String> sensors = new LinkedBlockingQueue<>();

        private static String describe(WampEventContext event, Object value) {
            return (event.retained() ? "retained:" : "live:") + value;
        }

        @WampTopic(value = "test.retained.door", getRetained = true)
        void first(String state, WampEventContext event) {
            first.add(describe(event, state));
        }

        @WampTopic(value = "test.retained.door", getRetained = true)
        void second(String state, WampEventContext event) {
            second.add(describe(event, state));
        }

        @WampTopic("test.retained.door")
        void plain(String state, WampEventContext event) {
            plain.add(describe(event, state));
        }

        @WampTopic(value = "test.retained.sensor.", match = Match.PREFIX, getRetained = true)
        void sensors(int value, WampEventContext event) {
            sensors.add(describe(event, event.topic() + "=" + value));
        }
    }
}
