package io.wampspring.spring.it;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.core.WampResult;

/** Procedures that exercise each binding rule. */
public class BindingEndpoints {

    /** What {@code test.void} was called with. */
    final Queue<String> remembered = new ConcurrentLinkedQueue<>();

    @WampProcedure("test.add")
    public int add(int a, int b) {
        return a + b;
    }

    @WampProcedure("test.greet")
    public String greet(Person person) {
        return "Hello " + person.name() + " (" + person.age() + ")";
    }

    @WampProcedure("test.people.total_age")
    public int totalAge(List<Person> people) {
        // Person::age fails with a ClassCastException unless the elements really are Person records
        return people.stream().mapToInt(Person::age).sum();
    }

    @WampProcedure("test.people.oldest")
    public Person oldest(List<Person> people) {
        return people.stream().max(Comparator.comparingInt(Person::age)).orElseThrow();
    }

    @WampProcedure("test.scores.sum")
    public int sumScores(Map<String, Integer> scores) {
        int total = 0;
        for (Integer score : scores.values()) {
            // unboxing fails with a ClassCastException unless the values really are Integers
            total += score;
        }
        return total;
    }

    @WampProcedure("test.repeat")
    public String repeat(String text, Optional<Integer> times) {
        return text.repeat(times.orElse(1));
    }

    @WampProcedure("test.context.after")
    public Map<String, Object> contextAfter(String value, WampCallContext call) {
        return describe(value, call);
    }

    @WampProcedure("test.context.before")
    public Map<String, Object> contextBefore(WampCallContext call, String value) {
        return describe(value, call);
    }

    @WampProcedure("test.context.raw")
    public WampResult raw(WampCallContext call) {
        return WampResult.of(call.args(), call.kwargs());
    }

    private static Map<String, Object> describe(String value, WampCallContext call) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("value", value);
        description.put("procedure", call.procedure());
        description.put("registration", call.registrationId());
        description.put("args", call.args());
        return description;
    }

    @WampProcedure("test.result")
    public WampResult result(int a, int b) {
        return WampResult.of(List.of(a, b), Map.of("sum", a + b));
    }

    @WampProcedure("test.async")
    public CompletableFuture<String> async(String text) {
        return CompletableFuture.supplyAsync(text::toUpperCase,
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    @WampProcedure("test.async.fail")
    public CompletionStage<String> asyncFail() {
        return CompletableFuture.supplyAsync(() -> {
            throw new WampException("test.error.late", List.of("too late"), Map.of("code", 7));
        }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }

    @WampProcedure("test.void")
    public void remember(String value) {
        remembered.add(value);
    }

    @WampProcedure("test.fail.application")
    public String failApplication() {
        throw new WampException("test.error.out_of_stock", List.of("book", 0), Map.of("item", "book",
                "available", 0));
    }

    @WampProcedure("test.fail.runtime")
    public String failRuntime() {
        throw new IllegalStateException("database unavailable");
    }

    @WampProcedure("test.echo.text")
    public String echoText(String text) {
        return text;
    }

    @WampProcedure("test.echo.bytes")
    public byte[] echoBytes(byte[] bytes) {
        return bytes;
    }
}
