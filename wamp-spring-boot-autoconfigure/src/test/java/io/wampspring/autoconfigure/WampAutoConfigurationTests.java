package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.LimitsConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterSession;
import io.wampspring.router.UriCheck;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.transport.SlowConsumerPolicy;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampPayloadConverter;
import io.wampspring.spring.core.WampLocalSessions;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.invocation.WampEndpointRegistrar;
import io.wampspring.spring.webflux.ReactiveWampWebSocketHandler;
import io.wampspring.spring.websocket.WampWebSocketHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WampAutoConfiguration}, {@link WampWebSocketAutoConfiguration} and
 * {@link WampReactiveWebSocketAutoConfiguration}.
 */
class WampAutoConfigurationTests {

    private static final AutoConfigurations WAMP = AutoConfigurations.of(WampAutoConfiguration.class,
            WampWebSocketAutoConfiguration.class, WampReactiveWebSocketAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(WAMP);

    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner().withConfiguration(WAMP);

    // ---- defaults ----

    @Test
    void defaultsGiveARouterWithRealm1AndTheApplicationBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(WampRouter.class).hasSingleBean(WampTemplate.class)
                    .hasSingleBean(WampEndpointRegistrar.class).hasSingleBean(WampLocalSessions.class)
                    .hasSingleBean(WampPayloadConverter.class).hasSingleBean(WampRouterLifecycle.class)
                    .hasSingleBean(WampProperties.class);
            WampRouter router = context.getBean(WampRouter.class);
            assertThat(router.realms()).extracting(realm -> realm.name()).containsExactly("realm1");
            assertThat(router.config().uriCheck()).isEqualTo(UriCheck.LOOSE);
            assertThat(router.config().sendBufferBytes()).isEqualTo(16L * 1024 * 1024);
            assertThat(router.config().slowConsumerPolicy()).isEqualTo(SlowConsumerPolicy.DISCONNECT);
            assertThat(router.config().limits()).as("no limit by default").isEqualTo(LimitsConfig.NONE);
            assertThat(context.getBean(WampTemplate.class).realm()).isEqualTo("realm1");
        });
    }

    @Test
    void noWebSocketEndpointOutsideAWebApplication() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WampWebSocketHandler.class)
                .doesNotHaveBean(SimpleUrlHandlerMapping.class).doesNotHaveBean("wampWebSocketRequestHandler"));
    }

    @Test
    void noServletWebSocketEndpointInAReactiveWebApplication() {
        new ReactiveWebApplicationContextRunner().withConfiguration(WAMP).run(context -> {
            assertThat(context).hasSingleBean(WampRouter.class);
            assertThat(context).doesNotHaveBean(WampWebSocketHandler.class)
                    .doesNotHaveBean(SimpleUrlHandlerMapping.class);
        });
    }

    @Test
    void reactiveWebApplicationServesTheReactiveHandlerAtWsWithTheOriginCheck() {
        new ReactiveWebApplicationContextRunner().withConfiguration(WAMP)
                .withPropertyValues("wamp.allowed-origins=https://app.example.com", "wamp.max-message-size=1MB")
                .run(context -> {
                    assertThat(context).hasSingleBean(ReactiveWampWebSocketHandler.class);
                    org.springframework.web.reactive.handler.SimpleUrlHandlerMapping mapping = context.getBean(
                            "wampReactiveHandlerMapping", org.springframework.web.reactive.handler.SimpleUrlHandlerMapping.class);
                    assertThat(mapping.getUrlMap()).containsOnlyKeys("/ws");
                    assertThat(mapping.getUrlMap().get("/ws")).isSameAs(context.getBean(ReactiveWampWebSocketHandler.class));
                    assertThat(mapping.getOrder()).isEqualTo(WampReactiveWebSocketAutoConfiguration.HANDLER_MAPPING_ORDER);
                    ReactiveWampWebSocketHandler handler = context.getBean(ReactiveWampWebSocketHandler.class);
                    assertThat(handler.getSubProtocols()).containsExactly("wamp.2.json", "wamp.2.msgpack", "wamp.2.cbor");
                    assertThat(ReflectionTestUtils.getField(handler, "maxMessageSize")).isEqualTo(1024 * 1024);
                });
    }

    @Test
    void noReactiveWebSocketEndpointInAServletWebApplication() {
        webRunner.run(context -> assertThat(context).hasSingleBean(WampWebSocketHandler.class)
                .doesNotHaveBean(ReactiveWampWebSocketHandler.class)
                .doesNotHaveBean("wampReactiveHandlerMapping"));
    }

    @Test
    void servletWebApplicationServesTheHandlerAtWs() {
        webRunner.run(context -> {
            assertThat(context).hasSingleBean(WampWebSocketHandler.class);
            SimpleUrlHandlerMapping mapping = context.getBean("wampHandlerMapping", SimpleUrlHandlerMapping.class);
            assertThat(mapping.getUrlMap()).containsOnlyKeys("/ws");
            assertThat(mapping.getOrder()).isEqualTo(WampWebSocketAutoConfiguration.HANDLER_MAPPING_ORDER);
            WebSocketHttpRequestHandler requestHandler = (WebSocketHttpRequestHandler) mapping.getUrlMap().get("/ws");
            assertThat(requestHandler).isSameAs(context.getBean("wampWebSocketRequestHandler"));
            WampWebSocketHandler handler = context.getBean(WampWebSocketHandler.class);
            assertThat(org.springframework.web.socket.handler.WebSocketHandlerDecorator
                    .unwrap(requestHandler.getWebSocketHandler())).isSameAs(handler);
            assertThat(handler.getSubProtocols()).containsExactly("wamp.2.json", "wamp.2.msgpack", "wamp.2.cbor");
            assertThat(handler.supportsPartialMessages()).isTrue();
            assertThat(ReflectionTestUtils.getField(handler, "maxMessageSize")).isEqualTo(16 * 1024 * 1024);
        });
    }

    // ---- properties ----

    @Test
    void propertiesAreBound() {
        webRunner.withPropertyValues("wamp.path=/wamp", "wamp.realms[0].name=realm1",
                "wamp.realms[1].name=com.example.second", "wamp.realms[1].anonymous-role=guest",
                "wamp.uri-check=strict", "wamp.max-message-size=1MB", "wamp.serializers=cbor,json",
                "wamp.send-buffer.max-size=256KB", "wamp.send-buffer.overflow-policy=drop-events",
                "wamp.default-realm=com.example.second", "wamp.close-timeout=2s",
                "wamp.allowed-origins=https://*.example.com", "wamp.limits.sessions-per-realm=100",
                "wamp.limits.sessions-per-address=10", "wamp.limits.outstanding-calls-per-session=50",
                "wamp.limits.messages-per-second=200", "wamp.limits.message-burst=400").run(context -> {
                    assertThat(context).hasNotFailed();
                    WampRouter router = context.getBean(WampRouter.class);
                    assertThat(router.realms()).extracting(realm -> realm.name())
                            .containsExactly("realm1", "com.example.second");
                    assertThat(router.config().uriCheck()).isEqualTo(UriCheck.STRICT);
                    assertThat(router.config().sendBufferBytes()).isEqualTo(256L * 1024);
                    assertThat(router.config().slowConsumerPolicy()).isEqualTo(SlowConsumerPolicy.DROP_EVENTS);
                    assertThat(router.config().closeTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(router.config().limits()).isEqualTo(new LimitsConfig(100, 10, 50, 200, 400));
                    assertThat(context.getBean(WampTemplate.class).realm()).isEqualTo("com.example.second");

                    SimpleUrlHandlerMapping mapping = context.getBean("wampHandlerMapping",
                            SimpleUrlHandlerMapping.class);
                    assertThat(mapping.getUrlMap()).containsOnlyKeys("/wamp");
                    WampWebSocketHandler handler = context.getBean(WampWebSocketHandler.class);
                    assertThat(handler.getSubProtocols()).containsExactly("wamp.2.cbor", "wamp.2.json");
                    assertThat(ReflectionTestUtils.getField(handler, "maxMessageSize")).isEqualTo(1024 * 1024);
                    WebSocketHttpRequestHandler requestHandler = context.getBean("wampWebSocketRequestHandler",
                            WebSocketHttpRequestHandler.class);
                    assertThat(requestHandler.getHandshakeInterceptors()).singleElement()
                            .isInstanceOfSatisfying(OriginHandshakeInterceptor.class, origins -> assertThat(
                                    origins.getAllowedOriginPatterns()).containsExactly("https://*.example.com"));
                });
    }

    @Test
    void localSessionsUseTheConfiguredIdentity() {
        runner.withPropertyValues("wamp.local.authid=backend", "wamp.local.authrole=system").run(context -> {
            WampTemplate template = context.getBean(WampTemplate.class);
            long sessionId = template.sessionId();
            RouterSession session = context.getBean(WampRouter.class).realm("realm1").session(sessionId);
            assertThat(session).isNotNull();
            assertThat(session.identity().authid()).isEqualTo("backend");
            assertThat(session.identity().authrole()).isEqualTo("system");
        });
    }

    @Test
    void defaultRealmIsTheFirstConfiguredRealm() {
        runner.withPropertyValues("wamp.realms[0].name=com.example.first", "wamp.realms[1].name=com.example.other")
                .run(context -> {
                    assertThat(context.getBean(WampTemplate.class).realm()).isEqualTo("com.example.first");
                    assertThat(context.getBean(WampRouter.class).realm("realm1")).isNull();
                });
    }

    @Test
    void usesTheApplicationsJsonMapperForPayloads() {
        runner.withBean(JsonMapper.class,
                () -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
                .run(context -> {
                    WampPayloadConverter converter = context.getBean(WampPayloadConverter.class);
                    assertThat(converter.toPayload(new Named("Ada", "Lovelace")))
                            .isEqualTo(Map.of("first_name", "Ada", "last_name", "Lovelace"));
                });
    }

    @Test
    void worksWithBootsJacksonAndTaskExecution() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                TaskExecutionAutoConfiguration.class)).withUserConfiguration(AnnotatedEndpoint.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    WampTemplate template = context.getBean(WampTemplate.class);
                    assertThat(template.call("test.thread", String.class).get(10, java.util.concurrent.TimeUnit.SECONDS))
                            .as("annotated methods run on Boot's application task executor")
                            .startsWith("task-");
                });
    }

    // ---- backing off ----

    @Test
    void disabledBacksOffCompletely() {
        webRunner.withPropertyValues("wamp.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WampRouter.class).doesNotHaveBean(WampTemplate.class)
                    .doesNotHaveBean(WampEndpointRegistrar.class).doesNotHaveBean(WampLocalSessions.class)
                    .doesNotHaveBean(WampPayloadConverter.class).doesNotHaveBean(WampRouterLifecycle.class)
                    .doesNotHaveBean(WampProperties.class).doesNotHaveBean(WampWebSocketHandler.class)
                    .doesNotHaveBean("wampWebSocketRequestHandler").doesNotHaveBean("wampHandlerMapping");
        });
    }

    @Test
    void disabledWithAUserRouterServesNoWebSocketEndpoint() {
        webRunner.withUserConfiguration(UserRouter.class).withPropertyValues("wamp.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(WampRouter.class).doesNotHaveBean(WampWebSocketHandler.class)
                    .doesNotHaveBean("wampHandlerMapping");
        });
    }

    @Test
    void backsOffFromAUserRouter() {
        webRunner.withUserConfiguration(UserRouter.class).run(context -> {
            assertThat(context).hasSingleBean(WampRouter.class);
            WampRouter router = context.getBean(WampRouter.class);
            assertThat(router).isSameAs(context.getBean("userRouter"));
            assertThat(router.realm("user.realm")).isNotNull();
            // the rest builds on the user's router
            assertThat(context).hasSingleBean(WampTemplate.class).hasSingleBean(WampWebSocketHandler.class);
            assertThat(ReflectionTestUtils.getField(context.getBean(WampWebSocketHandler.class), "router"))
                    .isSameAs(router);
        });
    }

    @Test
    void backsOffFromEachUserBean() {
        webRunner.withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(WampPayloadConverter.class).hasSingleBean(WampLocalSessions.class)
                    .hasSingleBean(WampTemplate.class).hasSingleBean(WampEndpointRegistrar.class)
                    .hasSingleBean(WampRouterLifecycle.class).hasSingleBean(WampWebSocketHandler.class);
            assertThat(context.getBean(WampPayloadConverter.class)).isSameAs(context.getBean("userConverter"));
            assertThat(context.getBean(WampLocalSessions.class)).isSameAs(context.getBean("userSessions"));
            assertThat(context.getBean(WampTemplate.class)).isSameAs(context.getBean("userTemplate"));
            assertThat(context.getBean(WampEndpointRegistrar.class)).isSameAs(context.getBean("userRegistrar"));
            assertThat(context.getBean(WampRouterLifecycle.class)).isSameAs(context.getBean("userLifecycle"));
            assertThat(context.getBean(WampWebSocketHandler.class)).isSameAs(context.getBean("userHandler"));
            assertThat(context.getBean(WampWebSocketHandler.class).getSubProtocols()).containsExactly("wamp.2.json");
        });
    }

    @Test
    void backsOffFromUserRequestHandlerAndMapping() {
        webRunner.withUserConfiguration(UserEndpoint.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("wampWebSocketRequestHandler"))
                    .isSameAs(UserEndpoint.REQUEST_HANDLER);
            SimpleUrlHandlerMapping mapping = context.getBean("wampHandlerMapping", SimpleUrlHandlerMapping.class);
            assertThat(mapping.getUrlMap()).containsOnlyKeys("/custom");
        });
    }

    // ---- failures ----

    @Test
    void unknownAuthMethodFailsStartupWithAClearMessage() {
        runner.withPropertyValues("wamp.realms[0].name=secure", "wamp.realms[0].auth-methods=anonymous,kerberos")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("authentication method 'kerberos' of realm 'secure' is not available")
                            .hasMessageContaining("supported: [anonymous");
                });
    }

    @Test
    void emptySerializerListFailsStartup() {
        webRunner.withPropertyValues("wamp.serializers=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("wamp.serializers is empty");
        });
    }

    @Test
    void unknownSerializerFailsStartup() {
        webRunner.withPropertyValues("wamp.serializers=json,xml").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("xml");
        });
    }

    @Test
    void duplicateRealmFailsStartup() {
        runner.withPropertyValues("wamp.realms[0].name=twice", "wamp.realms[1].name=twice").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("realm 'twice' is configured twice");
        });
    }

    @Test
    void duplicateProcedureFailsStartupNamingTheMethod() {
        runner.withUserConfiguration(AnnotatedEndpoint.class, DuplicateEndpoint.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("test.thread")
                    .hasMessageContaining("DuplicateEndpoint")
                    .hasMessageContaining("wamp.error.procedure_already_exists");
        });
    }

    @Test
    void annotationWithoutUriFailsStartup() {
        runner.withUserConfiguration(NoUriEndpoint.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("has no URI")
                    .hasMessageContaining("nothing");
        });
    }

    @Test
    void closingTheContextClosesTheRouter() {
        runner.run(context -> {
            WampRouter router = context.getBean(WampRouter.class);
            assertThat(router.isClosed()).isFalse();
            context.close();
            assertThat(router.isClosed()).isTrue();
        });
    }

    @Test
    void pausingTheContextKeepsTheRouterServing() {
        runner.withUserConfiguration(AnnotatedEndpoint.class).run(context -> {
            WampRouter router = context.getBean(WampRouter.class);
            // what the test framework does to a cached context that the next test class does not use
            context.getSourceApplicationContext().pause();
            assertThat(router.isClosed()).as("closed by pause()").isFalse();
            context.getSourceApplicationContext().restart();
            assertThat(router.isClosed()).isFalse();
            assertThat(context.getBean(WampTemplate.class).call("test.thread", String.class)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotBlank();
        });
    }

    // ---- configurations ----

    record Named(String firstName, String lastName) {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRouter {

        @Bean
        WampRouter userRouter() {
            return new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("user.realm"),
                    RealmConfig.anonymous("realm1")));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        @Bean
        WampPayloadConverter userConverter() {
            return new WampPayloadConverter(JsonMapper.builder().build());
        }

        @Bean
        WampLocalSessions userSessions(WampRouter router) {
            return new WampLocalSessions(router, new SyncTaskExecutor(), "user", "user", 10);
        }

        @Bean
        WampTemplate userTemplate(WampLocalSessions sessions, WampPayloadConverter converter) {
            return new WampTemplate(sessions, converter, "realm1");
        }

        @Bean
        WampEndpointRegistrar userRegistrar(WampLocalSessions sessions, WampPayloadConverter converter) {
            return new WampEndpointRegistrar(sessions, converter, "realm1");
        }

        @Bean
        WampRouterLifecycle userLifecycle(WampRouter router, WampLocalSessions sessions) {
            return new WampRouterLifecycle(router, sessions);
        }

        @Bean
        WampWebSocketHandler userHandler(WampRouter router) {
            return new WampWebSocketHandler(router, List.of(Serializers.JSON), 1024);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserEndpoint {

        static final WebSocketHttpRequestHandler REQUEST_HANDLER = new WebSocketHttpRequestHandler(
                new org.springframework.web.socket.handler.TextWebSocketHandler());

        @Bean
        WebSocketHttpRequestHandler wampWebSocketRequestHandler() {
            return REQUEST_HANDLER;
        }

        @Bean
        SimpleUrlHandlerMapping wampHandlerMapping() {
            return new SimpleUrlHandlerMapping(Map.of("/custom", REQUEST_HANDLER), 0);
        }
    }

    static class AnnotatedEndpoint {

        @WampProcedure("test.thread")
        public String thread() {
            return Thread.currentThread().getName();
        }
    }

    static class DuplicateEndpoint {

        @WampProcedure("test.thread")
        public String again() {
            return "again";
        }
    }

    static class NoUriEndpoint {

        @WampProcedure
        public String nothing() {
            return "nothing";
        }
    }
}
