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
 * {@link WampProcedure}. Exceptions are logged and never affect other subscribers.
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
}
