package io.wampspring.spring.it;

/** {@link AdvancedRpcPatternIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcPatternIntegrationTests extends AdvancedRpcPatternIntegrationTests {
}
