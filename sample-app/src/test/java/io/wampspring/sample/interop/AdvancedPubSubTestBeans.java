package io.wampspring.sample.interop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampEventContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An annotated pattern subscriber for the advanced PubSub interop tests: it records every event under
 * {@link #PREFIX}, so the tests can see what a JavaScript publisher's options do to an in-process subscriber (role
 * {@code trusted}, where every JavaScript client is {@code anonymous}). Imported by {@link InteropTestBeans}, so every
 * interop test class shares one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class AdvancedPubSubTestBeans {

    /**
     * The prefix {@link AnnotatedSubscriber#onEvent} subscribes to; without a trailing dot, so wampy (whose URI check
     * wants a last component) can join the same subscription.
     */
    static final String PREFIX = "test.adv.pubsub";

    @Bean
    AnnotatedSubscriber advancedPubSubSubscriber() {
        return new AnnotatedSubscriber();
    }

    static class AnnotatedSubscriber {

        private final List<WampEventContext> events = new CopyOnWriteArrayList<>();

        /** Every event published under {@link #PREFIX}, as the method received it. */
        @WampTopic(value = PREFIX, match = Match.PREFIX)
        public void onEvent(WampEventContext event) {
            events.add(event);
        }

        /** The events received so far that were published to {@code topic}, in arrival order. */
        List<WampEventContext> received(String topic) {
            return events.stream().filter(event -> event.topic().equals(topic)).toList();
        }
    }
}
