package io.wampspring.spring.it;

/** {@link BlockingEndpointIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveBlockingEndpointIntegrationTests extends BlockingEndpointIntegrationTests {
}
