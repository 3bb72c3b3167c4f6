package io.wampspring.spring.it;

/** {@link AdvancedRpcProgressiveResultsIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcProgressiveResultsIntegrationTests extends AdvancedRpcProgressiveResultsIntegrationTests {
}
