package io.wampspring.spring.it;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.WampMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application says GOODBYE ({@code wamp.close.system_shutdown}) to every remote session while its
 * connection still exists, and the shutdown completes as soon as the peers answer. Runs its own application, since
 * it closes it.
 */
class ShutdownIntegrationTests {

    /** The web stack the application runs on: {@code servlet} (Tomcat), or {@code reactive} in a subclass. */
    private String webApplicationType() {
        return getClass().isAnnotationPresent(ReactiveTransport.class) ? "reactive" : "servlet";
    }

    @Test
    void shutdownSaysGoodbyeToRemoteSessionsBeforeTheServerStops() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WampTestApplication.class)
                .properties("server.address=127.0.0.1", "server.port=0", "wamp.close-timeout=30s",
                        "spring.main.web-application-type=" + webApplicationType(),
                        "spring.main.banner-mode=off")
                .run();
        TestWampClient json = null;
        TestWampClient cbor = null;
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
            json = TestWampClient.connect(uri, "json");
            json.hello("realm1");
            cbor = TestWampClient.connect(uri, "cbor");
            cbor.hello("realm1");
            assertThat(json.callForValue("test.add", 1, 2)).isEqualTo(3L);
            WampRouter router = context.getBean(WampRouter.class);

            long started = System.nanoTime();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
            for (TestWampClient client : new TestWampClient[] {json, cbor}) {
                WampMessage goodbye = client.next();
                assertThat(goodbye).isInstanceOfSatisfying(Goodbye.class,
                        message -> assertThat(message.reason()).isEqualTo("wamp.close.system_shutdown"));
                // the client answered GOODBYE; the router then closes the connection
                assertThat(client.awaitClose()).isEqualTo(1000);
            }
            closing.get(20, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("shutdown waits for the peers' answers, not for the 30 s close timeout")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(router.isClosed()).isTrue();
        }
        finally {
            context.close();
            if (json != null) {
                json.close();
            }
            if (cbor != null) {
                cbor.close();
            }
        }
    }
}
