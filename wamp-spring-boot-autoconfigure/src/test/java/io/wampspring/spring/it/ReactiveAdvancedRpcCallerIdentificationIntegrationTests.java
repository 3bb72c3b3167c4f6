package io.wampspring.spring.it;

/** {@link AdvancedRpcCallerIdentificationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcCallerIdentificationIntegrationTests extends AdvancedRpcCallerIdentificationIntegrationTests {
}
