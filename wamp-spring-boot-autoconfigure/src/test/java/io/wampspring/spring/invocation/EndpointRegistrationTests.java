package io.wampspring.spring.invocation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AliasFor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How {@link WampEndpointRegistrar} finds annotated methods: through JDK and CGLIB proxies, with the annotation's
 * alias attribute or a composed annotation, and in the realm an annotation names.
 */
class EndpointRegistrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, AopAutoConfiguration.class,
                    TaskExecutionAutoConfiguration.class));

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void interfaceBasedProxyRegistersAndAdviceRuns() {
        runner.withPropertyValues("spring.aop.proxy-target-class=false")
                .withUserConfiguration(GreeterConfiguration.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    Greeter greeter = context.getBean(Greeter.class);
                    assertThat(AopUtils.isJdkDynamicProxy(greeter)).isTrue();
                    WampTemplate template = context.getBean(WampTemplate.class);
                    assertThat(get(template.call("test.greeter.greet", String.class, "Ada"))).isEqualTo("Hi Ada");
                    assertThat(context.getBean(CountingAspect.class).calls.get()).isEqualTo(1);
                });
    }

    @Test
    void classBasedProxyRegistersAndAdviceRuns() {
        runner.withUserConfiguration(GreeterConfiguration.class).run(context -> {
            assertThat(AopUtils.isCglibProxy(context.getBean(Greeter.class))).isTrue();
            WampTemplate template = context.getBean(WampTemplate.class);
            assertThat(get(template.call("test.greeter.greet", String.class, "Alan"))).isEqualTo("Hi Alan");
            assertThat(context.getBean(CountingAspect.class).calls.get()).isEqualTo(1);
        });
    }

    @Test
    void aliasAndComposedAnnotationsRegister() {
        runner.withBean(AliasedEndpoints.class).run(context -> {
            WampTemplate template = context.getBean(WampTemplate.class);
            assertThat(get(template.call("test.alias.procedure", String.class))).isEqualTo("by procedure=");
            assertThat(get(template.call("test.alias.composed", String.class))).isEqualTo("by a composed annotation");
            template.publish("test.alias.topic", "event");
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(AliasedEndpoints.class)
                    .events.contains("event"));
        });
    }

    @Test
    void annotationsRegisterInTheRealmTheyName() {
        runner.withPropertyValues("wamp.realms[0].name=realm1", "wamp.realms[1].name=com.example.other")
                .withBean(RealmEndpoints.class).run(context -> {
                    WampTemplate template = context.getBean(WampTemplate.class);
                    WampTemplate other = template.forRealm("com.example.other");
                    assertThat(get(other.call("test.realm.where", String.class))).isEqualTo("other");
                    assertThat(get(template.call("test.realm.where", String.class))).isEqualTo("default");
                    ExecutionException missing = org.junit.jupiter.api.Assertions.assertThrows(
                            ExecutionException.class, () -> get(template.call("test.realm.only_other", String.class)));
                    assertThat(((WampException) missing.getCause()).uri()).isEqualTo("wamp.error.no_such_procedure");
                    assertThat(get(other.call("test.realm.only_other", String.class))).isEqualTo("only other");

                    get(other.publish("test.realm.topic", List.of("to other"), null,
                            PublishOptions.DEFAULTS.withAcknowledge(true)));
                    get(template.publish("test.realm.topic", List.of("to default"), null,
                            PublishOptions.DEFAULTS.withAcknowledge(true)));
                    get(other.publish("test.realm.topic", List.of("marker"), null,
                            PublishOptions.DEFAULTS.withAcknowledge(true)));
                    RealmEndpoints endpoints = context.getBean(RealmEndpoints.class);
                    // one subscriber's events arrive in order: had the default realm's event leaked, it would
                    // come before the marker
                    await().atMost(Duration.ofSeconds(10)).until(() -> endpoints.events.contains("marker"));
                    assertThat(endpoints.events).containsExactly("to other", "marker");
                });
    }

    @Test
    void failingSubscriberKeepsReceivingInOrder() {
        runner.withBean(FlakySubscriber.class).run(context -> {
            WampTemplate template = context.getBean(WampTemplate.class);
            for (int i = 1; i <= 6; i++) {
                template.publish("test.flaky", i);
            }
            // a payload that cannot bind to the int parameter fails that one event only
            template.publish("test.flaky", "seven");
            template.publish("test.flaky", 9);
            FlakySubscriber subscriber = context.getBean(FlakySubscriber.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received.contains(9));
            assertThat(subscriber.received).containsExactly(1, 3, 5, 9);
        });
    }

    // ---- beans ----

    public interface Greeter {

        String greet(String name);
    }

    public static class DefaultGreeter implements Greeter {

        @Override
        @WampProcedure("test.greeter.greet")
        public String greet(String name) {
            return "Hi " + name;
        }
    }

    @Aspect
    public static class CountingAspect {

        final AtomicInteger calls = new AtomicInteger();

        @Around("execution(* io.wampspring.spring.invocation.EndpointRegistrationTests.Greeter.greet(..))")
        public Object count(ProceedingJoinPoint joinPoint) throws Throwable {
            calls.incrementAndGet();
            return joinPoint.proceed();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class GreeterConfiguration {

        @Bean
        Greeter greeter() {
            return new DefaultGreeter();
        }

        @Bean
        CountingAspect countingAspect() {
            return new CountingAspect();
        }
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @WampProcedure
    @interface ComposedProcedure {

        @AliasFor(annotation = WampProcedure.class, attribute = "value")
        String value();
    }

    static class AliasedEndpoints {

        final Queue<String> events = new ConcurrentLinkedQueue<>();

        @WampProcedure(procedure = "test.alias.procedure")
        String byProcedure() {
            return "by procedure=";
        }

        @ComposedProcedure("test.alias.composed")
        String composed() {
            return "by a composed annotation";
        }

        @WampTopic(topic = "test.alias.topic")
        void onEvent(String value) {
            events.add(value);
        }
    }

    static class RealmEndpoints {

        final Queue<String> events = new ConcurrentLinkedQueue<>();

        @WampProcedure("test.realm.where")
        String inDefault() {
            return "default";
        }

        @WampProcedure(value = "test.realm.where", realm = "com.example.other")
        String inOther() {
            return "other";
        }

        @WampProcedure(value = "test.realm.only_other", realm = "com.example.other")
        String onlyOther() {
            return "only other";
        }

        @WampTopic(value = "test.realm.topic", realm = "com.example.other")
        void onEvent(String value) {
            events.add(value);
        }
    }

    static class FlakySubscriber {

        final Queue<Integer> received = new ConcurrentLinkedQueue<>();

        @WampTopic("test.flaky")
        void onEvent(int value) {
            if (value % 2 == 0) {
                throw new IllegalStateException("even numbers are not welcome: " + value);
            }
            received.add(value);
        }
    }
}
