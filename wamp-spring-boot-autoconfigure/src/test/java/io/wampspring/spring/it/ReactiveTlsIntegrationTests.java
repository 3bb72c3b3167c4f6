package io.wampspring.spring.it;

/** {@link TlsIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveTlsIntegrationTests extends TlsIntegrationTests {
}
