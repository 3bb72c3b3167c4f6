package io.wampspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Subscribes a bean method to a WAMP topic. Events reach the method one at a time, in publish order, on the
 * application's task executor; its parameters bind from the event's {@code args} and {@code kwargs} as for
 * {@link WampProcedure}. Exceptions are logged and counted and never affect other subscribers; a method that falls
 * too far behind loses events (counted) instead of holding them all. {@code WampEndpointRegistrar#topicEndpoints()}
 * has both counts per method.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampTopic {

    /** The topic URI, such as {@code com.shop.order.created}. */
    @AliasFor("topic")
    String value() default "";

    @AliasFor("value")
    String topic() default "";

    /** The realm to subscribe in; empty means the default realm ({@code wamp.default-realm}). */
    String realm() default "";

    /**
     * How the URI matches published topics, sent as SUBSCRIBE.Options {@code match}. A router that does not support
     * the policy refuses the subscription, which fails the application's start.
     */
    Match match() default Match.EXACT;

    /**
     * Asks the broker for the topic's retained event (SUBSCRIBE.Options {@code get_retained}): the last event
     * published with {@code retain} reaches the method right after it subscribes, with
     * {@link io.wampspring.spring.binding.WampEventContext#retained()} true; for a pattern, the retained event of
     * every matching topic.
     */
    boolean getRetained() default false;
}
