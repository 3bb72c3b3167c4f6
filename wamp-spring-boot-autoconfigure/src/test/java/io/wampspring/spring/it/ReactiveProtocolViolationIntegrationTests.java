package io.wampspring.spring.it;

/** {@link ProtocolViolationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveProtocolViolationIntegrationTests extends ProtocolViolationIntegrationTests {
}
