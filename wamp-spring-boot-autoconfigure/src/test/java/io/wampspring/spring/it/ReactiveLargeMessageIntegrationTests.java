package io.wampspring.spring.it;

/** {@link LargeMessageIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveLargeMessageIntegrationTests extends LargeMessageIntegrationTests {
}
