package io.wampspring.spring.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampResult;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link WampTemplate} against annotated endpoints and remote peers. */
class WampTemplateIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WampTemplate template;

    @Autowired
    TopicEndpoints topics;

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static WampException failure(CompletableFuture<?> future) {
        ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> future.get(20, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(WampException.class);
        return (WampException) thrown.getCause();
    }

    @Test
    void callsAnAnnotatedProcedure() throws Exception {
        assertThat(get(template.call("test.add", Integer.class, 2, 3))).isEqualTo(5);
        assertThat(get(template.call("test.people.oldest", Person.class,
                List.of(new Person("Ada", 36), new Person("Alan", 41))))).isEqualTo(new Person("Alan", 41));
        WampResult result = get(template.call("test.result", List.of(1, 2), null, CallOptions.DEFAULTS));
        // in-process results carry integers as Long, as decoded frames from remote peers do
        assertThat(result.args()).containsExactly(1L, 2L);
        assertThat(result.kwargs()).containsEntry("sum", 3L);
    }

    @AllSerializers
    void callsARemoteCalleeWithATypedResult(String serializer) throws Exception {
        TestWampClient callee = join(serializer);
        String person = "remote." + serializer + ".person";
        String people = "remote." + serializer + ".people";
        callee.register(person, invocation -> Payload.of(
                List.of(Map.of("name", invocation.payload().args().get(0), "age", 36)), null));
        callee.register(people, invocation -> Payload.of(
                List.of(List.of(Map.of("name", "Ada", "age", 36), Map.of("name", "Alan", "age", 41))), null));

        assertThat(get(template.call(person, Person.class, "Ada"))).isEqualTo(new Person("Ada", 36));
        List<Person> result = get(template.call(people, new ParameterizedTypeReference<List<Person>>() {
        }));
        assertThat(result).containsExactly(new Person("Ada", 36), new Person("Alan", 41));
        assertThat(result.get(0)).isInstanceOf(Person.class);
    }

    @AllSerializers
    void callsARemoteCalleeWithArgsAndKwargs(String serializer) throws Exception {
        TestWampClient callee = join(serializer);
        String echo = "remote." + serializer + ".echo";
        callee.register(echo, invocation -> invocation.payload());
        WampResult result = get(template.call(echo, List.of("a", 1), Map.of("person", new Person("Ada", 36)),
                CallOptions.DEFAULTS));
        assertThat(result.args()).containsExactly("a", 1L);
        // the record went out as a dictionary and comes back as one
        assertThat(result.kwargs()).isEqualTo(Map.of("person", Map.of("name", "Ada", "age", 36L)));
    }

    @AllSerializers
    void failedRemoteCallCarriesUriArgsAndKwargs(String serializer) {
        TestWampClient callee = join(serializer);
        String procedure = "remote." + serializer + ".refuse";
        callee.register(procedure, invocation -> {
            throw new WampException("com.example.error.refused", List.of("no", 2), Map.of("why", "because"));
        });
        WampException error = failure(template.call(procedure, String.class));
        assertThat(error.uri()).isEqualTo("com.example.error.refused");
        assertThat(error.args()).containsExactly("no", 2L);
        assertThat(error.kwargs()).isEqualTo(Map.of("why", "because"));
    }

    @Test
    void failedAnnotatedCallCarriesUriArgsAndKwargs() {
        WampException error = failure(template.call("test.fail.application", String.class));
        assertThat(error.uri()).isEqualTo("test.error.out_of_stock");
        // converted as results are: integers as Long, as a remote caller decodes them
        assertThat(error.args()).containsExactly("book", 0L);
        assertThat(error.kwargs()).isEqualTo(Map.of("item", "book", "available", 0L));

        assertThat(failure(template.call("test.nobody.home", String.class)).uri())
                .isEqualTo("wamp.error.no_such_procedure");
        assertThat(failure(template.call("test.add", Integer.class, "x", 1)).uri())
                .isEqualTo("wamp.error.invalid_argument");
    }

    @AllSerializers
    void publishReachesARemoteSubscriber(String serializer) throws Exception {
        TestWampClient subscriber = join(serializer);
        String topic = "test.news." + serializer;
        BlockingQueue<Event> events = subscriber.subscribe(topic);
        get(template.publish(topic, "hello", 42, new Person("Ada", 36)));
        Event event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.payload().args()).containsExactly("hello", 42L, Map.of("name", "Ada", "age", 36L));
    }

    @AllSerializers
    void acknowledgedPublishReturnsThePublicationId(String serializer) throws Exception {
        TestWampClient subscriber = join(serializer);
        String topic = "test.acknowledged." + serializer;
        BlockingQueue<Event> events = subscriber.subscribe(topic);
        Long publication = get(template.publish(topic, List.of("x"), Map.of("k", "v"),
                PublishOptions.DEFAULTS.withAcknowledge(true)));
        assertThat(publication).isNotNull().isBetween(1L, 1L << 53);
        Event event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.publication()).isEqualTo(publication);
        assertThat(event.payload().kwargs()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void publishReachesAnAnnotatedSubscriber() throws Exception {
        String token = "from-template-" + System.nanoTime();
        Long publication = get(template.publish("test.topic.context", List.of(token), null,
                PublishOptions.DEFAULTS.withAcknowledge(true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> topics.byValue.containsKey(token));
        assertThat(topics.byValue.get(token).context().publicationId()).isEqualTo(publication);

        String name = "template-person-" + System.nanoTime();
        get(template.publish("test.topic.person", new Person(name, 50)));
        await().atMost(Duration.ofSeconds(10)).until(() -> topics.persons.containsKey(name));
        assertThat(topics.persons.get(name)).isEqualTo(new Person(name, 50));
    }

    @Test
    void acknowledgedPublishToAnInvalidUriFails() {
        WampException error = failure(template.publish("not a valid uri", List.of(), null,
                PublishOptions.DEFAULTS.withAcknowledge(true)));
        assertThat(error.uri()).isEqualTo("wamp.error.invalid_uri");
        assertThatThrownBy(() -> template.publish("..", List.of(), null,
                PublishOptions.DEFAULTS.withAcknowledge(true)).get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WampException.class);
    }
}
