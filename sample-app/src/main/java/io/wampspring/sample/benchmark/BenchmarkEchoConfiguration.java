package io.wampspring.sample.benchmark;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * The baseline for {@code wamp-benchmarks}: a plain WebSocket echo at {@code /echo}, served by the same Spring
 * WebSocket stack on the same Tomcat as the router's {@code /ws}. Active only under the {@code benchmark} profile.
 * <p>
 * It registers its own handler mapping under its own bean name and keeps its request handler out of the context,
 * so the router's {@code wampHandlerMapping} and {@code wampWebSocketRequestHandler} (both
 * {@code @ConditionalOnMissingBean} by name, the latter also injected by type) are left exactly as they are.
 * {@link WebSocketHandlerMapping} starts and stops the request handler with the context.
 */
@Configuration(proxyBeanMethods = false)
@Profile("benchmark")
public class BenchmarkEchoConfiguration {

    /** Same order as the router's mapping, ahead of annotated controllers. */
    private static final int HANDLER_MAPPING_ORDER = -2;

    @Bean
    WebSocketHandlerMapping benchmarkEchoHandlerMapping() {
        WebSocketHttpRequestHandler echo =
                new WebSocketHttpRequestHandler(new EchoHandler(), new DefaultHandshakeHandler());
        WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
        mapping.setUrlMap(Map.of("/echo", echo));
        mapping.setOrder(HANDLER_MAPPING_ORDER);
        return mapping;
    }

    /** Sends every text message straight back on the thread that received it. */
    static final class EchoHandler extends TextWebSocketHandler {

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(message);
        }
    }
}
