package io.wampspring.autoconfigure;

import java.util.Map;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.webflux.ReactiveWampWebSocketHandler;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import reactor.netty.http.server.HttpServer;

/**
 * Serves the router on Spring WebFlux with Reactor Netty at {@code wamp.path}: the transport of a reactive web
 * application, as {@link WampWebSocketAutoConfiguration} is a servlet one's.
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({SimpleUrlHandlerMapping.class, HttpServer.class})
@ConditionalOnBean(WampRouter.class)
@ConditionalOnBooleanProperty(name = "wamp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WampProperties.class)
public final class WampReactiveWebSocketAutoConfiguration {

    /** Ahead of annotated controllers and router functions, so neither can hide the WebSocket endpoint. */
    static final int HANDLER_MAPPING_ORDER = -2;

    @Bean
    @ConditionalOnMissingBean
    ReactiveWampWebSocketHandler reactiveWampWebSocketHandler(WampRouter router, WampProperties properties,
            ObjectProvider<HandshakePrincipalConverter> principals) {
        ReactiveWampWebSocketHandler handler = new ReactiveWampWebSocketHandler(router,
                WampEndpointSettings.serializers(properties), WampEndpointSettings.maxMessageBytes(properties));
        // Spring Security's Authentication with its authorities (WampSecurityAutoConfiguration), else the name only
        principals.ifUnique(handler::setPrincipalConverter);
        return handler;
    }

    /** The endpoint as the start-up line names it: the transport, its path and the serializers it offers. */
    @Bean
    WampTransportInfo wampReactiveWebSocketTransportInfo(ReactiveWampWebSocketHandler handler,
            WampProperties properties) {
        String serializers = String.join(", ", handler.getSubProtocols().stream()
                .map(protocol -> protocol.substring(protocol.lastIndexOf('.') + 1)).toList());
        return () -> "WebSocket " + properties.getPath() + " on Reactor Netty (" + serializers + ")";
    }

    /**
     * The path mapped to the handler, with the origin check of the servlet transport: a handshake whose Origin is
     * neither the server's own nor one of {@code wamp.allowed-origins} is refused with 403 before any upgrade.
     */
    @Bean
    @ConditionalOnMissingBean(name = "wampReactiveHandlerMapping")
    SimpleUrlHandlerMapping wampReactiveHandlerMapping(ReactiveWampWebSocketHandler handler,
            WampProperties properties) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(properties.getPath(), handler),
                HANDLER_MAPPING_ORDER);
        CorsConfiguration origins = new CorsConfiguration();
        origins.setAllowedOriginPatterns(properties.getAllowedOrigins());
        mapping.setCorsConfigurations(Map.of(properties.getPath(), origins));
        return mapping;
    }
}
