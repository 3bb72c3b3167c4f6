package io.wampspring.autoconfigure;

import java.util.List;

import io.wampspring.rawsocket.RawSocketConfig;
import io.wampspring.rawsocket.RawSocketHandshake;
import io.wampspring.rawsocket.RawSocketServer;
import io.wampspring.rawsocket.RawSocketTls;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Serves the router over WAMP-over-RawSocket (TCP, Netty on NIO) when {@code wamp.rawsocket.enabled} is set,
 * whatever the web stack (or none). The transport lives in {@code io.wampspring:wamp-rawsocket}, so that
 * applications without RawSocket carry no Netty; enabling it without that library fails the start-up and says so.
 */
@AutoConfiguration(after = WampAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
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
        RawSocketServer wampRawSocketServer(WampRouter router, WampProperties properties,
                ObjectProvider<SslBundles> sslBundles) {
            return new RawSocketServer(router, config(properties).withTls(tls(properties, sslBundles)));
        }

        private static @Nullable RawSocketTls tls(WampProperties properties, ObjectProvider<SslBundles> sslBundles) {
            String name = properties.getRawsocket().getSsl().getBundle();
            if (name == null || name.isBlank()) {
                return null;
            }
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("wamp.rawsocket.ssl.bundle is '" + name
                        + "' but the application has no SSL bundles (spring.ssl.bundle.*)");
            }
            SslBundle bundle = bundles.getBundle(name);
            SslOptions options = bundle.getOptions();
            return new RawSocketTls(bundle.createSslContext(), listOf(options.getEnabledProtocols()),
                    listOf(options.getCiphers()));
        }

        private static List<String> listOf(String @Nullable [] values) {
            return values != null ? List.of(values) : List.of();
        }

        @Bean
        @ConditionalOnMissingBean
        WampRawSocketLifecycle wampRawSocketLifecycle(RawSocketServer server) {
            return new WampRawSocketLifecycle(server);
        }

        /**
         * The start-up line's part, such as
         * {@code RawSocket rs://127.0.0.1:8090 (json, msgpack, cbor; messages up to 16MB)}.
         */
        @Bean
        WampTransportInfo wampRawSocketTransportInfo(RawSocketServer server) {
            return () -> "RawSocket " + server.url() + " " + offered(server.config());
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
                rawsocket.getIoThreads(), null);
    }

    /** What a RawSocket endpoint offers, as the start-up line says it: {@code (json, cbor; messages up to 16MB)}. */
    static String offered(RawSocketConfig config) {
        String serializers = String.join(", ", config.serializers().stream().map(WampSerializer::name).toList());
        return "(" + serializers + "; messages up to " + readable(config.maxLength()) + ")";
    }

    /** A power of two from 512 bytes to 16 MiB as a person writes it: 512B, 64KB, 16MB. */
    static String readable(int bytes) {
        if (bytes >= 1 << 20) {
            return (bytes >> 20) + "MB";
        }
        return bytes >= 1 << 10 ? (bytes >> 10) + "KB" : bytes + "B";
    }
}
