package io.wampspring.spring.invocation;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.InvocationHandler;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.LocalSubscription;
import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.MethodArguments;
import io.wampspring.spring.binding.WampArgumentResolver;
import io.wampspring.spring.binding.WampArgumentResolverComposite;
import io.wampspring.spring.binding.WampPayloadConverter;
import io.wampspring.spring.core.RegisterOptions;
import io.wampspring.spring.core.SubscribeOptions;
import io.wampspring.spring.core.WampConfigurationException;
import io.wampspring.spring.core.WampLocalSessions;
import io.wampspring.spring.core.WampLocalSessions.Purpose;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds {@link WampProcedure} and {@link WampTopic} methods on every bean once all singletons exist, and registers
 * or subscribes them through the application's in-process session of their realm. Their parameters are filled by
 * the application's {@link WampArgumentResolver}s, in the order given, then the built-in ones. A duplicate or invalid
 * URI, or a parameter no resolver can fill, fails the application's start with a message that names the method.
 * Once started, {@link #topicEndpoints()} tells how each subscribed method fares.
 */
public final class WampEndpointRegistrar implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger logger = LoggerFactory.getLogger(WampEndpointRegistrar.class);

    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    private final WampLocalSessions sessions;
    private final WampPayloadConverter converter;
    private final String defaultRealm;
    private final WampArgumentResolverComposite procedureArguments;
    private final WampArgumentResolverComposite topicArguments;
    private final List<WampTopicEndpoint> topicEndpoints = new CopyOnWriteArrayList<>();
    /** The first method registered for each realm, match policy and procedure: a duplicate names both. */
    private final Map<String, Method> procedures = new ConcurrentHashMap<>();
    private WampEndpointDecorator decorator = WampEndpointDecorator.NONE;
    private ConfigurableListableBeanFactory beanFactory;

    /** A registrar with the built-in argument resolvers only. */
    public WampEndpointRegistrar(WampLocalSessions sessions, WampPayloadConverter converter, String defaultRealm) {
        this(sessions, converter, defaultRealm, List.of());
    }

    /**
     * @param argumentResolvers the application's resolvers, asked in this order before the built-in ones
     */
    public WampEndpointRegistrar(WampLocalSessions sessions, WampPayloadConverter converter, String defaultRealm,
            List<? extends WampArgumentResolver> argumentResolvers) {
        this.sessions = sessions;
        this.converter = converter;
        this.defaultRealm = defaultRealm;
        this.procedureArguments = WampArgumentResolverComposite.forProcedures(argumentResolvers, converter);
        this.topicArguments = WampArgumentResolverComposite.forTopics(argumentResolvers, converter);
    }

    /** Wraps the handlers this registrar registers and subscribes from now on (observations). */
    public void setDecorator(WampEndpointDecorator decorator) {
        this.decorator = decorator;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, false, true)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = targetClass(beanName);
            if (type == null || !AnnotationUtils.isCandidateClass(type, List.of(WampProcedure.class, WampTopic.class))) {
                continue;
            }
            Map<Method, WampProcedure> procedures = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<WampProcedure>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, WampProcedure.class));
            Map<Method, WampTopic> topics = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<WampTopic>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, WampTopic.class));
            if (procedures.isEmpty() && topics.isEmpty()) {
                continue;
            }
            Object bean = beanFactory.getBean(beanName);
            procedures.forEach((method, annotation) -> register(bean, method, annotation));
            topics.forEach((method, annotation) -> subscribe(bean, method, annotation));
        }
    }

    /** Every subscribed {@code @WampTopic} method, with its failures and dropped events. */
    public List<WampTopicEndpoint> topicEndpoints() {
        return List.copyOf(topicEndpoints);
    }

    /** The class to scan, or null for a bean whose type cannot be determined (as Spring's event listeners do). */
    private @Nullable Class<?> targetClass(String beanName) {
        try {
            return AutoProxyUtils.determineTargetClass(beanFactory, beanName);
        }
        catch (RuntimeException ex) {
            logger.debug("Could not resolve the target class of bean '{}'", beanName, ex);
            return null;
        }
    }

    private void register(Object bean, Method method, WampProcedure annotation) {
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        String procedure = required(annotation.value(), method, "@WampProcedure");
        MethodArguments arguments = arguments(procedureArguments, method);
        String realm = realm(annotation.realm(), method, "@WampProcedure");
        InvocationHandler handler = decorator.procedure(realm, procedure,
                new ProcedureMethodHandler(procedure, bean, invocable, arguments, converter));
        LocalSession session = sessions.session(realm, Purpose.ENDPOINTS);
        String key = realm + '\n' + annotation.match() + '\n' + procedure;
        try {
            await(session.register(procedure, registerOptions(annotation), handler),
                    "register @WampProcedure '" + procedure + "'", method);
        }
        catch (BeanInitializationException ex) {
            Method first = procedures.get(key);
            if (first != null && ex.getCause() instanceof WampException wamp
                    && WampUris.PROCEDURE_ALREADY_EXISTS.equals(wamp.uri())) {
                throw new WampConfigurationException("@WampProcedure '" + procedure + "' of realm '" + realm
                        + "' is declared twice, on " + first.toGenericString() + " and on "
                        + method.toGenericString() + " (" + wamp.getMessage() + ")",
                        "Remove one of the two methods, or give one of them another procedure URI (the "
                                + "application's annotated methods share one session, so they cannot share a "
                                + "registration).", wamp);
            }
            throw ex;
        }
        procedures.putIfAbsent(key, method);
        logger.debug("Registered {}", handler);
    }

    private void subscribe(Object bean, Method method, WampTopic annotation) {
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        String topic = required(annotation.value(), method, "@WampTopic");
        MethodArguments arguments = arguments(topicArguments, method);
        String realm = realm(annotation.realm(), method, "@WampTopic");
        TopicMethodHandler handler = new TopicMethodHandler(topic, bean, invocable, arguments,
                body -> decorator.topic(realm, topic, body));
        LocalSession session = sessions.session(realm, Purpose.ENDPOINTS);
        LocalSubscription subscription = await(session.subscribe(topic, subscribeOptions(annotation), handler),
                "subscribe @WampTopic '" + topic + "'", method);
        topicEndpoints.add(new WampTopicEndpoint(realm, topic, annotation.match(), method, handler, subscription));
        logger.debug("Subscribed {}", handler);
    }

    /** REGISTER.Options for the annotation: only what differs from the defaults, with the spec's keys and values. */
    static Map<String, Object> registerOptions(WampProcedure annotation) {
        return new RegisterOptions(annotation.match(), annotation.invoke(), annotation.discloseCaller()).toMap();
    }

    /** SUBSCRIBE.Options for the annotation: only what differs from the defaults, with the spec's keys and values. */
    static Map<String, Object> subscribeOptions(WampTopic annotation) {
        return new SubscribeOptions(annotation.match(), annotation.getRetained(), Map.of()).toMap();
    }

    /** Resolvers chosen on the declared method, whose parameter annotations and names an interface may lack. */
    private static MethodArguments arguments(WampArgumentResolverComposite resolvers, Method method) {
        try {
            return resolvers.forMethod(method);
        }
        catch (IllegalStateException ex) {
            // the message names the parameter and the method
            throw new BeanInitializationException(ex.getMessage(), ex);
        }
    }

    /** The method's realm: the annotation's, else the default one; either must be one of the router's. */
    private String realm(String annotated, Method method, String annotation) {
        String realm = annotated.isEmpty() ? defaultRealm : annotated;
        List<String> realms = sessions.realms();
        if (!realms.contains(realm)) {
            String named = annotated.isEmpty() ? "the default realm '" + realm + "'"
                    : "realm = \"" + realm + "\"";
            throw new WampConfigurationException(annotation + " on " + method.toGenericString() + " names " + named
                    + ", but the router has no realm named '" + realm + "'; its realms: " + realms,
                    "Use one of " + realms + " in " + annotation + "(realm = ...) of " + method.getDeclaringClass()
                            .getName() + "." + method.getName() + ", or add a realm named '" + realm
                            + "' to wamp.realms.");
        }
        return realm;
    }

    private static String required(String uri, Method method, String annotation) {
        if (uri.isEmpty()) {
            throw new BeanInitializationException(annotation + " on " + method.toGenericString() + " has no URI");
        }
        return uri;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future, String what, Method method) {
        try {
            return future.get(REGISTRATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new BeanInitializationException(
                    "Cannot " + what + " of " + method.toGenericString() + ": " + ex.getCause().getMessage(),
                    ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new BeanInitializationException("Timed out trying to " + what + " of " + method.toGenericString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new BeanInitializationException("Interrupted trying to " + what);
        }
    }
}
