package io.wampspring.sample.operations;

import io.wampspring.sample.ReactiveTransport;

/** {@link SampleOperationsTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveSampleOperationsTest extends SampleOperationsTest {
}
