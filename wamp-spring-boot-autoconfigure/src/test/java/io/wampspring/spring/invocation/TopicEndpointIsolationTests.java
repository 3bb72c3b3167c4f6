package io.wampspring.spring.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.SubscribeOptions;
import io.wampspring.spring.core.WampSubscription;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribers of one topic in the application's session do not hold each other up: a slow one loses events
 * (counted per subscriber) once it is {@code wamp.local.event-backlog} events behind while the others get every
 * event, and a failing one is counted and keeps its place. The counts are read where an operator would read them:
 * {@link WampEndpointRegistrar#topicEndpoints()} and {@link WampSubscription}.
 */
class TopicEndpointIsolationTests {

    private static final int BACKLOG = 4;
    private static final int EVENTS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final PublishOptions ACKNOWLEDGED = PublishOptions.DEFAULTS.withAcknowledge(true);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                    TaskExecutionAutoConfiguration.class))
            .withPropertyValues("wamp.local.event-backlog=" + BACKLOG)
            .withBean(Subscribers.class);

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static WampTopicEndpoint endpoint(WampEndpointRegistrar registrar, String methodName) {
        return registrar.topicEndpoints().stream()
                .filter(endpoint -> endpoint.method().getName().equals(methodName))
                .findFirst().orElseThrow(() -> new AssertionError("no endpoint " + methodName));
    }

    @Test
    void aSlowSubscriberLosesEventsWhileAFastOneOfTheSameTopicGetsThemAll() {
        runner.run(context -> {
            Subscribers subscribers = context.getBean(Subscribers.class);
            WampTemplate template = context.getBean(WampTemplate.class);
            WampEndpointRegistrar registrar = context.getBean(WampEndpointRegistrar.class);
            WampTopicEndpoint slow = endpoint(registrar, "slow");
            WampTopicEndpoint fast = endpoint(registrar, "fast");
            assertThat(slow.subscriptionId()).isEqualTo(fast.subscriptionId());
            try {
                // each event is published once the fast subscriber has the one before: it is never behind, while
                // the slow one holds its first event until released
                for (int i = 0; i < EVENTS; i++) {
                    get(template.publish("test.isolation.flow", List.of(i), null, ACKNOWLEDGED));
                    assertThat(subscribers.fast.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(i);
                }
                assertThat(subscribers.slowStarted.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(subscribers.slow).isEmpty();
                // its first event is running or waiting, BACKLOG wait behind it: the rest were dropped
                assertThat(slow.droppedEvents()).isBetween((long) EVENTS - 1 - BACKLOG, (long) EVENTS - BACKLOG);
                assertThat(fast.droppedEvents()).isZero();
            }
            finally {
                subscribers.release.countDown();
            }
            long kept = EVENTS - slow.droppedEvents();
            await().atMost(TIMEOUT).until(() -> subscribers.slow.size() == kept);
            // what it kept, it got in order, from the first event on
            assertThat(List.copyOf(subscribers.slow)).isSorted().doesNotHaveDuplicates()
                    .startsWith(IntStream.range(0, BACKLOG).boxed().toArray(Integer[]::new));
            assertThat(slow.failures()).isZero();
            assertThat(fast.failures()).isZero();
        });
    }

    @Test
    void aFailingSubscriberIsCountedAndNeitherItNorTheOthersMissAnEvent() {
        runner.run(context -> {
            Subscribers subscribers = context.getBean(Subscribers.class);
            WampTemplate template = context.getBean(WampTemplate.class);
            List<String> published = List.of("boom", "ok-1", "boom", "ok-2");
            for (String value : published) {
                get(template.publish("test.isolation.failing", List.of(value), null, ACKNOWLEDGED));
            }
            for (String value : published) {
                assertThat(subscribers.bystander.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(value);
            }
            await().atMost(TIMEOUT).until(() -> subscribers.failing.contains("ok-2"));
            assertThat(subscribers.failing).containsExactly("ok-1", "ok-2");

            WampEndpointRegistrar registrar = context.getBean(WampEndpointRegistrar.class);
            WampTopicEndpoint failing = endpoint(registrar, "failing");
            assertThat(failing.failures()).isEqualTo(2);
            assertThat(failing.droppedEvents()).isZero();
            assertThat(failing.topic()).isEqualTo("test.isolation.failing");
            assertThat(failing.realm()).isEqualTo("realm1");
            assertThat(endpoint(registrar, "bystander").failures()).isZero();
        });
    }

    @Test
    void everyAnnotatedSubscriberIsListedOnce() {
        runner.run(context -> {
            WampEndpointRegistrar registrar = context.getBean(WampEndpointRegistrar.class);
            assertThat(registrar.topicEndpoints()).extracting(endpoint -> endpoint.method().getName())
                    .containsExactlyInAnyOrder("slow", "fast", "failing", "bystander");
        });
    }

    @Test
    void aTemplateSubscriptionCountsItsOwnDropsAndFailures() {
        runner.run(context -> {
            WampTemplate template = context.getBean(WampTemplate.class);
            CountDownLatch release = new CountDownLatch(1);
            List<Object> received = Collections.synchronizedList(new ArrayList<>());
            WampSubscription subscription = get(template.subscribe("test.isolation.template",
                    SubscribeOptions.DEFAULTS, event -> {
                        release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                        if (event.args().get(0).equals(0L)) {
                            throw new IllegalStateException("the first event fails");
                        }
                        received.add(event.args().get(0));
                    }));
            // the template's own events reach its own subscription only without publisher exclusion
            PublishOptions toMe = ACKNOWLEDGED.withExcludeMe(false);
            try {
                for (int i = 0; i < EVENTS; i++) {
                    get(template.publish("test.isolation.template", List.of(i), null, toMe));
                }
                assertThat(subscription.droppedEvents())
                        .isBetween((long) EVENTS - 1 - BACKLOG, (long) EVENTS - BACKLOG);
            }
            finally {
                release.countDown();
            }
            long kept = EVENTS - subscription.droppedEvents();
            await().atMost(TIMEOUT).until(() -> received.size() == kept - 1);
            assertThat(subscription.failures()).isEqualTo(1);
            assertThat(received).isSorted().doesNotHaveDuplicates().doesNotContain(0L);
            get(subscription.unsubscribe());
        });
    }

    /** Four subscribers on two topics of the application's session. */
    static class Subscribers {

        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch slowStarted = new CountDownLatch(1);
        final List<Integer> slow = Collections.synchronizedList(new ArrayList<>());
        final BlockingQueue<Integer> fast = new LinkedBlockingQueue<>();
        final List<String> failing = Collections.synchronizedList(new ArrayList<>());
        final BlockingQueue<String> bystander = new LinkedBlockingQueue<>();

        @WampTopic("test.isolation.flow")
        void slow(int value) throws InterruptedException {
            slowStarted.countDown();
            release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            slow.add(value);
        }

        @WampTopic("test.isolation.flow")
        void fast(int value) {
            fast.add(value);
        }

        @WampTopic("test.isolation.failing")
        void failing(String value) {
            if (value.equals("boom")) {
                throw new IllegalArgumentException("no " + value);
            }
            failing.add(value);
        }

        @WampTopic("test.isolation.failing")
        void bystander(String value) {
            bystander.add(value);
        }
    }
}
