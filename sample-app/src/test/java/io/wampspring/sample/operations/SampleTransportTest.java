package io.wampspring.sample.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample has both web stacks on its classpath: a plain start is a servlet application on Tomcat, and
 * {@code --spring.main.web-application-type=reactive} (README: "Transports") starts it on Reactor Netty, with the
 * actuator's view of the router as before.
 */
class SampleTransportTest {

    private static String serverOf(ApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class PlainStart {

        @Autowired
        ApplicationContext context;

        @Test
        void runsOnTomcat() {
            assertThat(serverOf(context)).isEqualTo("TomcatWebServer");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.main.web-application-type=reactive")
    class ReactiveStart {

        @Autowired
        ApplicationContext context;

        @LocalServerPort
        int port;

        @Test
        void runsOnReactorNettyWithTheRouterInTheActuator() throws IOException, InterruptedException {
            assertThat(serverOf(context)).isEqualTo("NettyWebServer");
            HttpResponse<String> wamp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/wamp")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wamp.statusCode()).isEqualTo(200);
            assertThat(wamp.body()).contains("\"realm1\"").contains("com.shop.order.create");
        }
    }
}
