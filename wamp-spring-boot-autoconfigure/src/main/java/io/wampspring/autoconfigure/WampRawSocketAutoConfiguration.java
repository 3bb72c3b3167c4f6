package io.wampspring.autoconfigure;

import java.util.List;

import io.wampspring.rawsocket.RawSocketConfig;
import io.wampspring.rawsocket.RawSocketHandshake;
import io.wampspring.rawsocket.RawSocketServer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Serves the router over WAMP-over-RawSocket (TCP, Netty on NIO) when {@code wamp.rawsocket.enabled} is set,
 * whatever the web stack (or none). The transport lives in {@code io.wampspring:wamp-rawsocket}, so that
 * applications without RawSocket carry no Netty; enabling it without that library fails the start-up and says so.
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnBean(WampRouter.class)
@ConditionalOnBooleanProperty(name = "wamp.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "wamp.rawsocket.enabled")
@EnableConfigurationProperties(WampProperties.class)
public final class WampRawSocketAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RawSocketServer.class)
    static final class NettyRawSocket {

        @Bean
        @ConditionalOnMissingBean
        RawSocketServer wampRawSocketServer(WampRouter router, WampProperties properties) {
            return new RawSocketServer(router, config(properties));
        }

        @Bean
        @ConditionalOnMissingBean
        WampRawSocketLifecycle wampRawSocketLifecycle(RawSocketServer server) {
            return new WampRawSocketLifecycle(server);
        }

        /** The start-up line's part, such as {@code RawSocket tcp://127.0.0.1:8090 (json, msgpack, cbor; 16MB)}. */
        @Bean
        WampTransportInfo wampRawSocketTransportInfo(RawSocketServer server) {
            return () -> {
                RawSocketConfig config = server.config();
                String serializers = String.join(", ",
                        config.serializers().stream().map(WampSerializer::name).toList());
                return "RawSocket tcp://" + server.localAddress().getHostString() + ":"
                        + server.localAddress().getPort() + " (" + serializers + "; messages up to "
                        + readable(config.maxLength()) + ")";
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.wampspring.rawsocket.RawSocketServer")
    static final class MissingLibrary {

        @Bean
        Object wampRawSocketServer() {
            throw new IllegalStateException("wamp.rawsocket.enabled is true but io.wampspring:wamp-rawsocket is not "
                    + "on the classpath: add that dependency, or set wamp.rawsocket.enabled=false");
        }
    }

    static RawSocketConfig config(WampProperties properties) {
        WampRawSocketProperties rawsocket = properties.getRawsocket();
        List<WampSerializer> serializers = properties.getSerializers().stream()
                .map(serializer -> Serializers.byName(serializer.name()))
                .toList();
        DataSize maxMessageSize = rawsocket.getMaxMessageSize() != null ? rawsocket.getMaxMessageSize()
                : properties.getMaxMessageSize();
        return new RawSocketConfig(rawsocket.getAddress(), rawsocket.getPort(),
                RawSocketHandshake.exponentAtMost(maxMessageSize.toBytes()),
                RawSocketHandshake.exponentAtMost(rawsocket.getMinClientMessageSize().toBytes()),
                rawsocket.getMaxConnections(), properties.getHandshakeTimeout(), serializers,
                rawsocket.getIoThreads());
    }

    /** A power of two from 512 bytes to 16 MiB as a person writes it: 512B, 64KB, 16MB. */
    static String readable(int bytes) {
        if (bytes >= 1 << 20) {
            return (bytes >> 20) + "MB";
        }
        return bytes >= 1 << 10 ? (bytes >> 10) + "KB" : bytes + "B";
    }
}
