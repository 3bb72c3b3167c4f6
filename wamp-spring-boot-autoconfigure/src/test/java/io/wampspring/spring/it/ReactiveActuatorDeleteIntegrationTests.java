package io.wampspring.spring.it;

/** {@link ActuatorDeleteIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveActuatorDeleteIntegrationTests extends ActuatorDeleteIntegrationTests {
}
