package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;
import org.springframework.test.context.TestPropertySource;

/**
 * The autobahn-python scenario of {@link AutobahnPythonInteropTest}, each serializer, over RawSocket on the web
 * server's own port ({@code wamp.rawsocket.web-port} on the reactive transport): autobahn-python's Twisted RawSocket
 * client opens with the magic octet 0x7F where WebSocket clients open with HTTP.
 */
@ReactiveTransport
@TestPropertySource(properties = "wamp.rawsocket.web-port=true")
class ReactiveAutobahnPythonWebPortRawSocketInteropTest extends AutobahnPythonInteropTest {

    @Override
    String url() {
        return "rs://127.0.0.1:" + port;
    }
}
