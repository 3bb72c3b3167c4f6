package io.wampspring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationPredicate;
import io.netty.channel.ChannelPipeline;
import io.wampspring.rawsocket.SharedPortRawSocket;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.webflux.ReactiveWampWebSocketHandler;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;
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

    /**
     * Ahead of every other mapping (controllers, router functions, the actuator's): none can hide the WebSocket
     * endpoint, and a handshake costs no look-up in theirs. It matches {@code wamp.path} alone.
     */
    static final int HANDLER_MAPPING_ORDER = Ordered.HIGHEST_PRECEDENCE;

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

    /**
     * No HTTP server observation ({@code http.server.requests}) of the WebSocket handshake: it would time the
     * upgrade request alone, not the connection it opens, at a cost that is a good share of a session's set-up.
     * The router's own metrics count the sessions.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ObservationPredicate.class, ServerRequestObservationContext.class})
    static final class HandshakeObservation {

        @Bean
        ObservationPredicate wampHandshakeObservationPredicate(WampProperties properties) {
            String path = properties.getPath();
            return (name, context) -> !(context instanceof ServerRequestObservationContext request
                    && path.equals(request.getCarrier().getPath().pathWithinApplication().value()));
        }
    }

    /**
     * RawSocket on the web server's port ({@code wamp.rawsocket.web-port}): each accepted connection's first octet
     * decides, 0x7F for RawSocket, anything else for HTTP and WebSocket.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SharedPortRawSocket.class, NettyServerCustomizer.class})
    @ConditionalOnBooleanProperty("wamp.rawsocket.web-port")
    static final class RawSocketOnWebPort {

        private static final Logger logger = LoggerFactory.getLogger(RawSocketOnWebPort.class);

        /** The web server's first protocol handler, whichever HTTP version it was configured for. */
        private static final List<String> FIRST_HTTP_HANDLERS = List.of(NettyPipeline.HttpCodec,
                NettyPipeline.H2OrHttp11Codec, NettyPipeline.H2CUpgradeHandler);

        @Bean
        @ConditionalOnMissingBean
        SharedPortRawSocket wampWebPortRawSocket(WampRouter router, WampProperties properties) {
            return new SharedPortRawSocket(router, WampRawSocketAutoConfiguration.config(properties));
        }

        @Bean
        NettyServerCustomizer wampRawSocketOnWebPort(SharedPortRawSocket rawSocket) {
            return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
                ChannelPipeline pipeline = channel.pipeline();
                FIRST_HTTP_HANDLERS.stream().filter(name -> pipeline.get(name) != null).findFirst().ifPresentOrElse(
                        http -> pipeline.addBefore(http, "wamp.rawsocketDetector", rawSocket.detector()),
                        () -> logger.warn("No HTTP handler in the pipeline of {}: RawSocket is not offered on it",
                                channel));
            });
        }

        /** The start-up line's part: {@code RawSocket on the web port (json, msgpack, cbor; messages up to 16MB)}. */
        @Bean
        WampTransportInfo wampWebPortRawSocketTransportInfo(SharedPortRawSocket rawSocket) {
            return () -> "RawSocket on the web port " + WampRawSocketAutoConfiguration.offered(rawSocket.config());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.wampspring.rawsocket.SharedPortRawSocket")
    @ConditionalOnBooleanProperty("wamp.rawsocket.web-port")
    static final class RawSocketLibraryMissing {

        @Bean
        Object wampWebPortRawSocket() {
            throw new IllegalStateException("wamp.rawsocket.web-port is true but io.wampspring:wamp-rawsocket is not "
                    + "on the classpath: add that dependency, or set wamp.rawsocket.web-port=false");
        }
    }
}
