package io.wampspring.spring.it;

/** {@link AdvancedRpcCancellationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcCancellationIntegrationTests extends AdvancedRpcCancellationIntegrationTests {
}
