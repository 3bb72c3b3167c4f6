package io.wampspring.spring.it;

/**
 * {@link SmallLimitsIntegrationTests} on the reactive transport (Reactor Netty): a single frame above the limit is
 * ABORTed as on Tomcat, and a subscriber that stops reading meets the overflow policy.
 */
@ReactiveTransport
class ReactiveSmallLimitsIntegrationTests extends SmallLimitsIntegrationTests {
}
