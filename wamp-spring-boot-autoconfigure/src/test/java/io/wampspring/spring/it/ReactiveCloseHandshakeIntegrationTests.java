package io.wampspring.spring.it;

/** {@link CloseHandshakeIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveCloseHandshakeIntegrationTests extends CloseHandshakeIntegrationTests {
}
