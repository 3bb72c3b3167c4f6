package io.wampspring.router;

import io.wampspring.router.message.WampMessage;
import io.wampspring.router.serialization.WampSerializer;

/**
 * One publication reaches many subscribers, which mostly share a serializer: the broker hands them the same EVENT
 * object, so its frame is made once per serializer on the publishing thread and shared, instead of once per
 * subscriber. A frame is never changed once made, so sharing it is safe; the cache holds the last EVENT of each
 * serializer per thread, nothing older.
 */
final class SharedFrames {

    /** Slots per thread: one per serializer in use (three built in), so they never evict each other. */
    private static final int SLOTS = 4;

    private static final ThreadLocal<Frame[]> LAST = ThreadLocal.withInitial(() -> new Frame[SLOTS]);

    private record Frame(WampMessage message, WampSerializer serializer, byte[] bytes) {
    }

    private SharedFrames() {
    }

    /** The message serialized; the same bytes as the previous call on this thread for the same message object. */
    static byte[] serialize(WampSerializer serializer, WampMessage message) {
        Frame[] last = LAST.get();
        int slot = 0;
        while (slot < SLOTS - 1 && last[slot] != null && last[slot].serializer != serializer) {
            slot++;
        }
        Frame frame = last[slot];
        if (frame != null && frame.message == message && frame.serializer == serializer) {
            return frame.bytes;
        }
        byte[] bytes = serializer.serialize(message);
        last[slot] = new Frame(message, serializer, bytes);
        return bytes;
    }
}
