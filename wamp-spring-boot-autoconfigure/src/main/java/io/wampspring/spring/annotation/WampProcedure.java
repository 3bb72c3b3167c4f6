package io.wampspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Registers a bean method as the callee of a WAMP procedure. The method runs on the application's task executor;
 * positional {@code args} bind to its parameters in order, {@code kwargs} by parameter name, and a single object
 * parameter from {@code kwargs} as a whole. Its return value becomes the result's single argument.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampProcedure {

    /** The procedure URI, such as {@code com.shop.order.create}. */
    @AliasFor("procedure")
    String value() default "";

    @AliasFor("value")
    String procedure() default "";

    /** The realm to register in; empty means the default realm ({@code wamp.default-realm}). */
    String realm() default "";

    /**
     * How the URI matches called procedures, sent as REGISTER.Options {@code match}. A router that does not support
     * the policy refuses the registration, which fails the application's start.
     */
    Match match() default Match.EXACT;

    /**
     * Which of the callees sharing the procedure a call goes to, sent as REGISTER.Options {@code invoke}. A router
     * that does not support the policy refuses the registration, which fails the application's start.
     */
    Invoke invoke() default Invoke.SINGLE;

    /**
     * Asks the dealer to disclose every caller to this method (REGISTER.Options {@code disclose_caller}), so that
     * {@link io.wampspring.spring.binding.WampCaller} parameters are filled where the router supports it.
     */
    boolean discloseCaller() default false;
}
