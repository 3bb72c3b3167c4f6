package io.wampspring.rawsocket;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.Transport;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.router.transport.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's {@link Transport} over one RawSocket channel. Each frame is one channel write whose future completes
 * the router's callback: the router's bounded send buffer holds what waits, Netty holds at most the frame in flight.
 */
final class RawSocketTransport implements Transport {

    private static final Logger logger = LoggerFactory.getLogger(RawSocketTransport.class);

    private final Channel channel;
    private final int clientMaxLength;
    private final TransportInfo info;

    RawSocketTransport(Channel channel, WampSerializer serializer, int clientMaxLength) {
        this.channel = channel;
        this.clientMaxLength = clientMaxLength;
        SocketAddress remote = channel.remoteAddress();
        this.info = new TransportInfo("rawsocket", serializer.name(),
                remote instanceof InetSocketAddress inet ? inet : null, null);
    }

    /**
     * Writes one WAMP message. One the client announced it cannot receive is not sent (the spec forbids it): the
     * write fails, and the router closes the connection as for any failed write, since silently dropping a RESULT
     * or an INVOCATION would leave a call waiting for ever.
     */
    @Override
    public void write(byte[] frame, WriteCallback callback) {
        if (frame.length > clientMaxLength) {
            logger.warn("Closing RawSocket connection {}: a message of {} bytes exceeds the {} bytes the client "
                    + "announced it can receive", channel.remoteAddress(), frame.length, clientMaxLength);
            callback.completed(new MessageTooLongException(frame.length, clientMaxLength));
            return;
        }
        channel.writeAndFlush(
                RawSocketFrames.frame(channel.alloc(), RawSocketFrames.WAMP, Unpooled.wrappedBuffer(frame)))
                .addListener(future -> callback.completed(future.isSuccess() ? null : future.cause()));
    }

    @Override
    public void close(CloseReason reason) {
        logger.debug("Closing RawSocket connection {} ({})", channel.remoteAddress(), reason);
        channel.close();
    }

    @Override
    public TransportInfo info() {
        return info;
    }

    /** A message longer than the client's announced receive limit. */
    static final class MessageTooLongException extends RuntimeException {

        MessageTooLongException(int length, int limit) {
            super("message of " + length + " bytes exceeds the client's limit of " + limit + " bytes", null, false,
                    false);
        }
    }
}
