package io.wampspring.sample.benchmark;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * The baseline for {@code wamp-benchmarks}: a plain WebSocket echo at {@code /echo}, served by the same Spring
 * WebSocket stack as the router's {@code /ws}: Spring WebSocket on Tomcat in a servlet application, Spring WebFlux
 * on Reactor Netty in a reactive one ({@code --spring.main.web-application-type=reactive}). Active only under the
 * {@code benchmark} profile.
 * <p>
 * Each registers its own handler mapping under its own bean name and keeps its handler out of the context, so the
 * router's mappings and handlers (all {@code @ConditionalOnMissingBean} by name, some also injected by type) are
 * left exactly as they are.
 */
@Configuration(proxyBeanMethods = false)
@Profile("benchmark")
public class BenchmarkEchoConfiguration {

    /** Same order as the router's mapping, ahead of annotated controllers. */
    private static final int HANDLER_MAPPING_ORDER = -2;

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ServletEcho {

        /** {@link WebSocketHandlerMapping} starts and stops the request handler with the context. */
        @Bean
        WebSocketHandlerMapping benchmarkEchoHandlerMapping() {
            WebSocketHttpRequestHandler echo =
                    new WebSocketHttpRequestHandler(new EchoHandler(), new DefaultHandshakeHandler());
            WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
            mapping.setUrlMap(Map.of("/echo", echo));
            mapping.setOrder(HANDLER_MAPPING_ORDER);
            return mapping;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    static class ReactiveEcho {

        /** WebFlux's own {@code WebSocketHandlerAdapter} (from its configuration support) does the upgrade. */
        @Bean
        SimpleUrlHandlerMapping benchmarkReactiveEchoHandlerMapping() {
            return new SimpleUrlHandlerMapping(Map.of("/echo", reactiveEcho()), HANDLER_MAPPING_ORDER);
        }

        /** Sends every text message straight back, in order, as the session receives them. */
        private static WebSocketHandler reactiveEcho() {
            return session -> session.send(session.receive()
                    .map(message -> session.textMessage(message.getPayloadAsText())));
        }
    }

    /** Sends every text message straight back on the thread that received it. */
    static final class EchoHandler extends TextWebSocketHandler {

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(message);
        }
    }
}
