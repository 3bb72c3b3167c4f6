package io.wampspring.spring.it;

/** {@link AdvancedRpcSharedRegistrationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcSharedRegistrationIntegrationTests extends AdvancedRpcSharedRegistrationIntegrationTests {
}
