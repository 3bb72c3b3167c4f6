package io.wampspring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import io.wampspring.spring.websocket.WampWebSocketHandler;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Serves the router on Spring's servlet WebSocket stack (Tomcat or Jetty) at {@code wamp.path}.
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WebSocketHandler.class, SimpleUrlHandlerMapping.class, jakarta.websocket.Session.class})
@ConditionalOnBean(WampRouter.class)
@ConditionalOnBooleanProperty(name = "wamp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WampProperties.class)
public final class WampWebSocketAutoConfiguration {

    /** Ahead of annotated controllers, so a catch-all controller mapping cannot hide the WebSocket endpoint. */
    static final int HANDLER_MAPPING_ORDER = -2;

    @Bean
    @ConditionalOnMissingBean
    WampWebSocketHandler wampWebSocketHandler(WampRouter router, WampProperties properties,
            ObjectProvider<HandshakePrincipalConverter> principals) {
        WampWebSocketHandler handler = new WampWebSocketHandler(router, WampEndpointSettings.serializers(properties),
                WampEndpointSettings.maxMessageBytes(properties));
        // Spring Security's Authentication with its authorities (WampSecurityAutoConfiguration), else the name only
        principals.ifUnique(handler::setPrincipalConverter);
        handler.setContainerMessageBufferSize((int) properties.getServlet().getMessageBufferSize().toBytes());
        return handler;
    }

    /** The endpoint as the start-up line names it: its path and the serializers it offers. */
    @Bean
    WampTransportInfo wampWebSocketTransportInfo(WampWebSocketHandler handler, WampProperties properties) {
        String serializers = String.join(", ", handler.getSubProtocols().stream()
                .map(protocol -> protocol.substring(protocol.lastIndexOf('.') + 1)).toList());
        return () -> "WebSocket " + properties.getPath() + " (" + serializers + ")";
    }

    @Bean
    @ConditionalOnMissingBean(name = "wampWebSocketRequestHandler")
    WebSocketHttpRequestHandler wampWebSocketRequestHandler(WampWebSocketHandler handler,
            WampProperties properties) {
        WebSocketHttpRequestHandler requestHandler =
                new WebSocketHttpRequestHandler(handler, new DefaultHandshakeHandler());
        OriginHandshakeInterceptor origins = new OriginHandshakeInterceptor();
        origins.setAllowedOriginPatterns(properties.getAllowedOrigins());
        requestHandler.setHandshakeInterceptors(List.of(origins));
        return requestHandler;
    }

    @Bean
    @ConditionalOnMissingBean(name = "wampHandlerMapping")
    SimpleUrlHandlerMapping wampHandlerMapping(WebSocketHttpRequestHandler wampWebSocketRequestHandler,
            WampProperties properties) {
        return new SimpleUrlHandlerMapping(Map.of(properties.getPath(), wampWebSocketRequestHandler),
                HANDLER_MAPPING_ORDER);
    }

    /**
     * {@code wamp.servlet.socket-buffer-size}: Tomcat's read and write buffer of every connection of the connector,
     * set only when asked for, since it concerns HTTP connections as much as WebSocket ones.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({TomcatConnectorCustomizer.class, Connector.class})
    @ConditionalOnProperty("wamp.servlet.socket-buffer-size")
    static final class TomcatSocketBuffers {

        @Bean
        TomcatConnectorCustomizer wampSocketBufferCustomizer(WampProperties properties) {
            DataSize size = properties.getServlet().getSocketBufferSize();
            String bytes = Long.toString(size != null ? size.toBytes() : 0);
            return connector -> {
                connector.setProperty("socket.appReadBufSize", bytes);
                connector.setProperty("socket.appWriteBufSize", bytes);
            };
        }
    }

    /** RawSocket on the web port needs the reactive transport: on a servlet container the setting would do nothing. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("wamp.rawsocket.web-port")
    static final class RawSocketOnWebPortUnsupported {

        @Bean
        Object wampWebPortRawSocket() {
            throw new IllegalStateException("wamp.rawsocket.web-port needs the reactive transport (Reactor Netty, "
                    + "spring.main.web-application-type=reactive); on a servlet container use "
                    + "wamp.rawsocket.enabled with a port of its own");
        }
    }
}
