package io.wampspring.spring.it;

/** {@link PatternTopicIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactivePatternTopicIntegrationTests extends PatternTopicIntegrationTests {
}
