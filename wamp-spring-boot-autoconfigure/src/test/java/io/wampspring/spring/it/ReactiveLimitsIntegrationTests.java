package io.wampspring.spring.it;

/** {@link LimitsIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveLimitsIntegrationTests extends LimitsIntegrationTests {
}
