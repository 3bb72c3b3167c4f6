package io.wampspring.spring.it;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampEventContext;
import org.springframework.stereotype.Component;

/** An annotated pattern subscriber: it records the topic of each event and its argument. */
@Component
public class PatternTopicEndpoints {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @WampTopic(value = "test.pattern.sensor.", match = Match.PREFIX)
    public void reading(long value, WampEventContext event) {
        received.add(event.topic() + "=" + value);
    }
}
