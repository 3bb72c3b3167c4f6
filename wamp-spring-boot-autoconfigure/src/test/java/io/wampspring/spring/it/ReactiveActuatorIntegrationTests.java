package io.wampspring.spring.it;

/** {@link ActuatorIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveActuatorIntegrationTests extends ActuatorIntegrationTests {
}
