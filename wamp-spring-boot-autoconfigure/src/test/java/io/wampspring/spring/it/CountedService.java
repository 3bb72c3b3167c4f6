package io.wampspring.spring.it;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;

/** A bean that {@link CallCountingAspect} advises, so the container hands out a CGLIB proxy of it. */
public class CountedService {

    private final Queue<String> events = new ConcurrentLinkedQueue<>();

    @WampProcedure("test.counted.twice")
    public int twice(int value) {
        return value * 2;
    }

    @WampTopic("test.counted.topic")
    public void onEvent(String value) {
        events.add(value);
    }

    /** Called through the proxy (fields of a CGLIB proxy are not the target's); the aspect counts it too. */
    public boolean received(String value) {
        return events.contains(value);
    }
}
