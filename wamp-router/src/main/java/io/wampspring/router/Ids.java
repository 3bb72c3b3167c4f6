package io.wampspring.router;

import java.util.concurrent.ThreadLocalRandom;

import io.wampspring.router.serialization.MessageCodec;

/** Global-scope ids: random in [1, 2^53], so ids made on different nodes do not collide. */
public final class Ids {

    private Ids() {
    }

    public static long random() {
        return ThreadLocalRandom.current().nextLong(1, MessageCodec.MAX_ID + 1);
    }
}
