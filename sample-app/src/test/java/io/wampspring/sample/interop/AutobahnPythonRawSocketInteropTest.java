package io.wampspring.sample.interop;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The autobahn-python scenario of {@link AutobahnPythonInteropTest}, each serializer, over WAMP-over-RawSocket:
 * autobahn-python's Twisted RawSocket client ({@code ApplicationRunner} with an {@code rs://} URL) against the
 * sample's RawSocket port, with the same annotated beans and WampTemplate. Skipped, like it, only when
 * /usr/bin/python3 cannot import autobahn.
 */
@TestPropertySource(properties = {"wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0"})
class AutobahnPythonRawSocketInteropTest extends AutobahnPythonInteropTest {

    @Value("${local.wamp.rawsocket.port}")
    int rawSocketPort;

    @Override
    String url() {
        return "rs://127.0.0.1:" + rawSocketPort;
    }
}
