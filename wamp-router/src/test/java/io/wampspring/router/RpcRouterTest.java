package io.wampspring.router;

import java.time.Duration;
import java.util.stream.Stream;

import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.AfterEach;

/** A router for one test of the advanced RPC profile, shut down after it, and the serializers to run it with. */
abstract class RpcRouterTest {

    final WampRouter router = RpcTesting.router();

    @AfterEach
    void shutdownRouter() {
        router.shutdown(Duration.ZERO);
    }

    static Stream<WampSerializer> serializers() {
        return RpcTesting.serializers();
    }
}
