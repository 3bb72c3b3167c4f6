package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsJsonSessionMetaInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsJsonSessionMetaInteropTest extends AutobahnJsJsonSessionMetaInteropTest {
}
