package io.wampspring.spring.it;

/** {@link AuthenticationManagerTicketIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAuthenticationManagerTicketIntegrationTests extends AuthenticationManagerTicketIntegrationTests {
}
