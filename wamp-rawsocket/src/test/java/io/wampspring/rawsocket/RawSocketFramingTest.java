package io.wampspring.rawsocket;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.Serializers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How TCP splits and joins bytes must not matter: frames in pieces, and several frames in one read. */
class RawSocketFramingTest {

    private static final byte[] HELLO = "[1,\"realm1\",{\"roles\":{\"caller\":{}}}]".getBytes(StandardCharsets.UTF_8);

    private final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
    private final RawSocketConfig config = RawSocketConfig.loopback(List.of(Serializers.JSON));
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new RawSocketChannelHandler(router, config, config.handshake(), new ConnectionCount(10)));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        router.close();
    }

    @Test
    void assemblesHandshakeAndFrameDeliveredOneOctetAtATime() {
        byte[] all = concat(new byte[] {0x7F, (byte) 0xF1, 0, 0}, frame(0, HELLO));
        for (byte octet : all) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {octet}));
        }
        assertThat(readOctets(4)).containsExactly(0x7F, 0xF1, 0, 0);
        assertThat(readFrameText(0)).startsWith("[2,");
    }

    @Test
    void handlesHandshakeHelloAndPingArrivingInOneRead() {
        byte[] ping = {7, 7};
        channel.writeInbound(Unpooled.wrappedBuffer(
                concat(new byte[] {0x7F, (byte) 0xF1, 0, 0}, concat(frame(0, HELLO), frame(1, ping)))));
        assertThat(readOctets(4)).containsExactly(0x7F, 0xF1, 0, 0);
        assertThat(readFrameText(0)).startsWith("[2,");
        assertThat(readFrameText(2).getBytes(StandardCharsets.UTF_8)).containsExactly(7, 7);
    }

    @Test
    void encodesAndParsesTheLengthOf16MiBWithTheExtraBit() {
        assertThat(RawSocketFrames.header(0, 1 << 24)).isEqualTo(0x08000000);
        assertThat(RawSocketFrames.header(1, (1 << 24) - 1)).isEqualTo(0x01FFFFFF);
        assertThat(RawSocketFrames.Header.parse(0x08000000).length()).isEqualTo(1 << 24);
        assertThat(RawSocketFrames.Header.parse(0x08000001).valid()).isFalse();
        assertThat(RawSocketFrames.Header.parse(0x10000000).valid()).isFalse();
        assertThat(RawSocketHandshake.exponentAtMost(16L << 20)).isEqualTo(15);
        assertThat(RawSocketHandshake.exponentAtMost(1000)).isZero();
        assertThat(RawSocketHandshake.exponentAtMost(1024)).isEqualTo(1);
    }

    private byte[] readOctets(int count) {
        ByteBuf buffer = awaitOutbound();
        byte[] bytes = new byte[count];
        buffer.readBytes(bytes);
        assertThat(buffer.readableBytes()).isZero();
        buffer.release();
        return bytes;
    }

    private String readFrameText(int expectedType) {
        ByteBuf buffer = awaitOutbound();
        int header = buffer.readInt();
        assertThat(header >>> 24).isEqualTo(expectedType);
        assertThat(buffer.readableBytes()).isEqualTo(header & 0xFFFFFF);
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.release();
        return text;
    }

    private ByteBuf awaitOutbound() {
        ByteBuf[] next = new ByteBuf[1];
        await().until(() -> {
            channel.runPendingTasks();
            return (next[0] = channel.readOutbound()) != null;
        });
        return next[0];
    }

    private static byte[] frame(int type, byte[] payload) {
        return concat(new byte[] {(byte) type, (byte) (payload.length >>> 16), (byte) (payload.length >>> 8),
                (byte) payload.length}, payload);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
