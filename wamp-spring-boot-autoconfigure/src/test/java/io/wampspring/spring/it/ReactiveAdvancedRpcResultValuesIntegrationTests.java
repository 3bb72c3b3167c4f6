package io.wampspring.spring.it;

/** {@link AdvancedRpcResultValuesIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcResultValuesIntegrationTests extends AdvancedRpcResultValuesIntegrationTests {
}
