package io.wampspring.spring.it;

/** {@link OriginIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveOriginIntegrationTests extends OriginIntegrationTests {
}
