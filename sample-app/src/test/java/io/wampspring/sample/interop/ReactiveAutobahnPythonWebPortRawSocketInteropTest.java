package io.wampspring.sample.interop;

import org.springframework.test.context.TestPropertySource;

/**
 * The autobahn-python scenario of {@link AutobahnPythonInteropTest}, each serializer, over RawSocket on the web
 * server's own port ({@code wamp.rawsocket.web-port} on the reactive transport): autobahn-python's Twisted RawSocket
 * client opens with the magic octet 0x7F where WebSocket clients open with HTTP.
 */
@TestPropertySource(properties = {"spring.main.web-application-type=reactive", "wamp.rawsocket.web-port=true"})
class ReactiveAutobahnPythonWebPortRawSocketInteropTest extends AutobahnPythonInteropTest {

    @Override
    String url() {
        return "rs://127.0.0.1:" + port;
    }
}
