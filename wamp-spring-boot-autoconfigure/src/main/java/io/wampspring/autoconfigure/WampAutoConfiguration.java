package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.ObservationRegistry;
import io.wampspring.router.PubSubConfig;
import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterExecutors;
import io.wampspring.router.RouterObserver;
import io.wampspring.router.RpcConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.CachingAuthorizer;
import io.wampspring.router.auth.PrincipalRoleMapper;
import io.wampspring.router.auth.SecretMatcher;
import io.wampspring.router.history.EventStore;
import io.wampspring.router.history.HistoryRule;
import io.wampspring.router.history.InMemoryEventStore;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.spring.auth.WampRealmAuthenticator;
import io.wampspring.spring.binding.WampArgumentResolver;
import io.wampspring.spring.binding.WampPayloadConverter;
import io.wampspring.spring.core.WampConfigurationException;
import io.wampspring.spring.core.WampLocalSessions;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.event.WampApplicationEvents;
import io.wampspring.spring.invocation.WampEndpointRegistrar;
import io.wampspring.spring.observation.WampObservations;
import io.wampspring.spring.observation.WampProcedureObservationConvention;
import io.wampspring.spring.observation.WampTopicObservationConvention;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of the WAMP router, its in-process sessions, {@link WampTemplate} and the annotated endpoints.
 * The WebSocket endpoint is configured by {@link WampWebSocketAutoConfiguration}.
 * <p>
 * An {@link Authorizer} bean, if the application defines one, decides (behind a {@link CachingAuthorizer},
 * {@code wamp.authorization.cache}) for the roles a realm's {@code roles} do not name, except the application's own
 * role ({@code wamp.local.authrole}); see {@link RealmAuthorizers}.
 * {@link Authenticator} beans (and {@link WampRealmAuthenticator} beans, for some realms) are authentication methods
 * of the realms that list their method in auth-methods, in place of a built-in method of the same name; a
 * {@link PrincipalRoleMapper} bean gives sessions of the http method their authrole.
 * <p>
 * An {@link EventStore} bean, if the application defines one, keeps the event history of every realm
 * ({@code wamp.pubsub.event-history}); otherwise it is kept in memory.
 * <p>
 * Every {@link WampArgumentResolver} bean fills parameters of {@code @WampProcedure} and {@code @WampTopic} methods,
 * asked in {@code @Order}/{@code Ordered} order before the built-in resolvers (context, caller, payload values).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration"})
@ConditionalOnClass(WampRouter.class)
@ConditionalOnBooleanProperty(name = "wamp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WampProperties.class)
@Import({WampSpringSecurityCredentialsConfiguration.PasswordEncoders.class,
        WampSpringSecurityCredentialsConfiguration.AuthenticationManagers.class})
public final class WampAutoConfiguration {

    /** The executor annotated methods run on: Boot's application task executor (virtual threads when enabled). */
    static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

    @Bean
    @ConditionalOnMissingBean
    WampRouter wampRouter(WampProperties properties, ObjectProvider<EventStore> eventStore,
            ObjectProvider<RouterObserver> observer, ObjectProvider<Authorizer> authorizer,
            ObjectProvider<SecretMatcher> secretMatcher,
            ObjectProvider<WampAuthenticationManagerTickets> authenticationManagerTickets,
            ObjectProvider<Authenticator> authenticators, ObjectProvider<WampRealmAuthenticator> realmAuthenticators,
            ObjectProvider<PrincipalRoleMapper> roleMapper,
            @Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> taskExecutor) {
        RouterConfig config = new RouterConfig(properties.getUriCheck(),
                properties.getSendBuffer().getMaxSize().toBytes(), properties.getSendBuffer().getOverflowPolicy(),
                properties.getCloseTimeout(), properties.getHandshakeTimeout())
                .withLimits(properties.getLimits().toConfig());
        List<HistoryRule> history = history(properties);
        // one store for every realm: its events and queries name their realm
        EventStore store = eventStore.getIfAvailable(InMemoryEventStore::new);
        // the application's Authorizer decides for the roles no realm has rules for, its answers cached
        Authorizer dynamic = authorizer.getIfAvailable();
        WampAuthorizationCacheProperties cache = properties.getAuthorization().getCache();
        @Nullable Authorizer cached = dynamic == null ? null
                : new CachingAuthorizer(dynamic, cache.getMaxSize(), cache.getTimeToLive());
        String localRole = properties.getLocal().getAuthrole();
        // methods that call procedures (a dynamic authenticator) reach the router once it exists
        AtomicReference<WampRouter> built = new AtomicReference<>();
        RealmAuthenticators.Sources sources = new RealmAuthenticators.Sources(
                new ApplicationAuthenticators(authenticators.orderedStream().toList(),
                        realmAuthenticators.orderedStream().toList()),
                roleMapper.getIfUnique(), built::get,
                secretMatcher.getIfUnique(() -> StoredSecrets.WITHOUT_ENCODERS),
                authenticationManagerTickets.getIfUnique(),
                // without a task executor (not a Boot application) hashed tickets are checked where they come in
                taskExecutor.getIfAvailable(() -> Runnable::run));
        List<RealmConfig> realms = new ArrayList<>();
        for (int i = 0; i < properties.getRealms().size(); i++) {
            WampRealmProperties realm = properties.getRealms().get(i);
            realms.add(new RealmConfig(realm.getName(), RealmAuthenticators.of(realm, i, sources),
                    RealmAuthorizers.of(realm, localRole, cached),
                    rpc(properties.getRpc(), realm),
                    new PubSubConfig(realm.getPublisherDisclosure(), history, store)));
        }
        // the router's meters (WampMetricsAutoConfiguration) when the application has a MeterRegistry
        WampRouter router = new WampRouter(config, realms, RouterExecutors.owned(),
                observer.getIfUnique(() -> RouterObserver.NONE));
        built.set(router);
        return router;
    }

    /** The event history rules, each checked: a valid topic and at least one bound, or the application fails. */
    private static List<HistoryRule> history(WampProperties properties) {
        List<WampProperties.EventHistory> entries = properties.getPubsub().getEventHistory();
        List<HistoryRule> rules = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            WampProperties.EventHistory entry = entries.get(i);
            String name = "wamp.pubsub.event-history[" + i + "]";
            if (!properties.getUriCheck().isValid(entry.getTopic(), entry.getMatch() != MatchPolicy.EXACT)) {
                throw new IllegalStateException(name + ".topic '" + entry.getTopic() + "' is not a valid "
                        + entry.getMatch().wireName() + " topic URI");
            }
            try {
                rules.add(new HistoryRule(entry.getMatch(), entry.getTopic(), entry.getLimit(), entry.getMaxAge()));
            }
            catch (IllegalArgumentException ex) {
                // the message says it all: the rule's own cause would only hide it as the root cause
                throw new IllegalStateException(name + ": " + ex.getMessage() + " (" + name + ".limit, " + name
                        + ".max-age)");
            }
        }
        return rules;
    }

    private static RpcConfig rpc(WampRpcProperties rpc, WampRealmProperties realm) {
        List<RpcConfig.ProcedureTimeout> timeouts = rpc.getProcedureTimeouts().stream()
                .map(entry -> new RpcConfig.ProcedureTimeout(entry.getMatch(), entry.getProcedure(),
                        entry.getTimeout()))
                .toList();
        return new RpcConfig(realm.getCallerDisclosure(), rpc.getCallTimeout(), timeouts);
    }

    /** {@code wamp.default-realm}, or the first realm, checked against the router's realms. */
    static String defaultRealm(WampProperties properties, WampLocalSessions sessions) {
        String realm = properties.resolveDefaultRealm();
        List<String> realms = sessions.realms();
        if (!realms.contains(realm)) {
            String property = properties.getDefaultRealm() != null ? "wamp.default-realm"
                    : "wamp.realms[0].name (the default realm, as wamp.default-realm is not set)";
            throw new WampConfigurationException(property + " is '" + realm + "', but the router has no realm named '"
                    + realm + "'; its realms: " + realms,
                    "Set wamp.default-realm to one of " + realms + ", or add a realm named '" + realm
                            + "' to wamp.realms.");
        }
        return realm;
    }

    @Bean
    @ConditionalOnMissingBean
    WampPayloadConverter wampPayloadConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return new WampPayloadConverter(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean
    WampLocalSessions wampLocalSessions(WampRouter router, WampProperties properties,
            @Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> executor) {
        WampLocalSessionProperties local = properties.getLocal();
        return new WampLocalSessions(router, executor.getIfAvailable(() -> new SimpleAsyncTaskExecutor("wamp-")),
                local.getAuthid(), local.getAuthrole(), local.getEventBacklog());
    }

    @Bean
    @ConditionalOnMissingBean
    WampTemplate wampTemplate(WampLocalSessions sessions, WampPayloadConverter converter,
            WampProperties properties) {
        return new WampTemplate(sessions, converter, defaultRealm(properties, sessions));
    }

    @Bean
    @ConditionalOnMissingBean
    WampEndpointRegistrar wampEndpointRegistrar(WampLocalSessions sessions, WampPayloadConverter converter,
            WampProperties properties, ObjectProvider<WampArgumentResolver> argumentResolvers,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<WampProcedureObservationConvention> procedureConvention,
            ObjectProvider<WampTopicObservationConvention> topicConvention) {
        WampEndpointRegistrar registrar = new WampEndpointRegistrar(sessions, converter,
                defaultRealm(properties, sessions), argumentResolvers.orderedStream().toList());
        // annotated methods are observed when the application has an ObservationRegistry (and traced with a tracer)
        ObservationRegistry registry = observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP);
        if (!registry.isNoop()) {
            registrar.setDecorator(new WampObservations(registry, procedureConvention.getIfUnique(),
                    topicConvention.getIfUnique()));
        }
        return registrar;
    }

    @Bean
    @ConditionalOnMissingBean
    WampStartupLog wampStartupLog(WampRouter router, ObjectProvider<WampTransportInfo> transports) {
        return new WampStartupLog(router, transports.orderedStream().toList());
    }

    /** Session, registration and subscription changes as application events, for {@code @EventListener}s. */
    @Bean
    @ConditionalOnMissingBean
    WampApplicationEvents wampApplicationEvents(WampRouter router, ApplicationEventPublisher publisher) {
        return new WampApplicationEvents(router, publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    WampRouterLifecycle wampRouterLifecycle(WampRouter router, WampLocalSessions sessions, Environment environment) {
        // the grace period Spring gives each lifecycle phase is the time running calls get to finish
        Duration drain = Binder.get(environment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(Duration.ofSeconds(30));
        return new WampRouterLifecycle(router, sessions, drain);
    }
}
