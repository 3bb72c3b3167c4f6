package io.wampspring.spring.it;

/**
 * {@link SpringSecurityIntegrationTests} on the reactive transport (Reactor Netty): Spring Security's WebFlux filter
 * chain authenticates the handshake.
 */
@ReactiveTransport
class ReactiveSpringSecurityIntegrationTests extends SpringSecurityIntegrationTests {
}
