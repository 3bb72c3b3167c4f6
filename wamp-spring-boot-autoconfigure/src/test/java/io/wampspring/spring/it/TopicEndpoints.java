package io.wampspring.spring.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampEventContext;

/** Subscribers that record what they receive, keyed by a value each test makes unique. */
public class TopicEndpoints {

    /** An event as a subscriber saw it. */
    record Received(Object value, WampEventContext context) {
    }

    final Map<String, Received> byValue = new ConcurrentHashMap<>();
    final Map<String, Person> persons = new ConcurrentHashMap<>();
    final Map<String, List<Integer>> sequences = new ConcurrentHashMap<>();

    @WampTopic("test.topic.context")
    public void onContext(String value, WampEventContext event) {
        byValue.put(value, new Received(value, event));
    }

    @WampTopic("test.topic.context_first")
    public void onContextFirst(WampEventContext event, String value) {
        byValue.put(value, new Received(value, event));
    }

    @WampTopic("test.topic.person")
    public void onPerson(Person person) {
        persons.put(person.name(), person);
    }

    @WampTopic("test.topic.sequence")
    public void onSequence(String run, int sequence) {
        sequences.computeIfAbsent(run, key -> Collections.synchronizedList(new ArrayList<>())).add(sequence);
    }
}
