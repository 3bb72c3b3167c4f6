package io.wampspring.spring.it;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown with live sessions and a running call to an annotated procedure: new sessions are refused and
 * the health turns DOWN at once, the call finishes within Spring's shutdown grace period and its result reaches the
 * caller, then every session gets GOODBYE {@code wamp.close.system_shutdown} and the context closes. Each test runs
 * its own application, since it closes it.
 */
class GracefulShutdownIntegrationTests {

    /** The web stack the application runs on: {@code servlet} (Tomcat), or {@code reactive} in a subclass. */
    private String webApplicationType() {
        return getClass().isAnnotationPresent(ReactiveTransport.class) ? "reactive" : "servlet";
    }

    private ConfigurableApplicationContext context;
    private BlockingEndpoint blocking;
    private URI uri;
    private ActuatorHttp http;

    private void start(String gracePeriod) {
        context = new SpringApplicationBuilder(WampTestApplication.class)
                .properties("server.address=127.0.0.1", "server.port=0", "wamp.close-timeout=30s",
                        "spring.main.web-application-type=" + webApplicationType(),
                        "spring.main.banner-mode=off", "spring.lifecycle.timeout-per-shutdown-phase=" + gracePeriod,
                        "management.endpoints.web.exposure.include=wamp,health",
                        "management.endpoint.health.show-details=always")
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        http = new ActuatorHttp(port);
        blocking = context.getBean(BlockingEndpoint.class);
        blocking.reset();
    }

    @AfterEach
    void stop() {
        if (blocking != null) {
            blocking.release.countDown();
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void runningCallFinishesThenSessionsGetGoodbyeAndTheContextCloses() throws Exception {
        start("20s");
        try (TestWampClient caller = TestWampClient.connect(uri, "json");
                TestWampClient other = TestWampClient.connect(uri, "cbor")) {
            caller.hello("realm1");
            other.hello("realm1");
            assertThat(http.get("/actuator/health/wamp").json().get("status").asString()).isEqualTo("UP");
            CompletableFuture<WampMessage> call = caller.call("test.blocking.wait", "t1");
            assertThat(blocking.entered.await(10, TimeUnit.SECONDS)).as("the procedure is running").isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

            // shutdown has begun: the health is DOWN (503) and the endpoint says new sessions are refused
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/actuator/health/wamp").status() == 503);
            JsonNode health = http.get("/actuator/health/wamp").json();
            assertThat(health.get("status").asString()).isEqualTo("DOWN");
            assertThat(health.get("details").get("realms").get("realm1").get("sessions").asInt())
                    .as("the sessions are still there").isGreaterThanOrEqualTo(3);
            assertThat(http.get("/actuator/wamp").json().get("accepting").asBoolean()).isFalse();
            try (TestWampClient late = TestWampClient.connect(uri, "json")) {
                late.send(new Hello("realm1", TestWampClient.helloDetails()));
                assertThat(late.nextAbort().reason()).isEqualTo("wamp.close.system_shutdown");
            }
            // the running call holds the GOODBYE back
            assertThat(call).isNotDone();
            assertThat(closing).isNotDone();
            assertThat(other.drainInbox()).isEmpty();

            blocking.release.countDown();
            WampMessage reply = TestWampClient.await(call);
            assertThat(reply).isInstanceOfSatisfying(Result.class,
                    result -> assertThat(result.payload().args()).containsExactly("released t1"));
            for (TestWampClient client : new TestWampClient[] {caller, other}) {
                assertThat(client.next()).isInstanceOfSatisfying(Goodbye.class,
                        goodbye -> assertThat(goodbye.reason()).isEqualTo("wamp.close.system_shutdown"));
                assertThat(client.awaitClose()).isEqualTo(1000);
            }
            closing.get(20, TimeUnit.SECONDS);
            assertThat(context.isActive()).isFalse();
        }
    }

    @Test
    void callThatOutlastsTheGracePeriodDoesNotHoldTheShutdown() throws Exception {
        start("1s");
        try (TestWampClient caller = TestWampClient.connect(uri, "json")) {
            caller.hello("realm1");
            CompletableFuture<WampMessage> call = caller.call("test.blocking.wait", "t2");
            assertThat(blocking.entered.await(10, TimeUnit.SECONDS)).as("the procedure is running").isTrue();

            long started = System.nanoTime();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
            // the procedure never returns (until the test ends); after the grace period the caller is told
            WampMessage reply = TestWampClient.await(call);
            assertThat(reply).isInstanceOf(ErrorMessage.class);
            assertThat(caller.next()).isInstanceOfSatisfying(Goodbye.class,
                    goodbye -> assertThat(goodbye.reason()).isEqualTo("wamp.close.system_shutdown"));
            closing.get(20, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the 1 s grace period, not the procedure's 30 s")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(15));
            assertThat(context.isActive()).isFalse();
        }
    }
}
