package io.wampspring.spring.webflux;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.wampspring.router.WampConnection;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.router.transport.TransportPrincipal;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * Serves the router over WebSocket on Spring WebFlux with Reactor Netty. A {@link WebHandler} behind WebFlux's
 * handler mapping, so the application's {@code WebFilter}s (Spring Security among them) and the mapping's origin
 * check run on the handshake as on any request, and the handshake's principal is the exchange's.
 * <p>
 * It upgrades through Reactor Netty itself rather than through Spring's reactive {@code WebSocketSession}: that
 * session offers frames only aggregated, refusing a large message with a bare close, and sends through a
 * {@code Publisher} with no write completion per frame. Here the frames arrive on the channel's event loop, where
 * they are assembled and routed ({@link FrameAssembler}), and each outgoing frame is written to the channel and
 * completes the router's send buffer on Netty's write future ({@link NettyWebSocketTransport}): the send buffer stays
 * the one bound.
 */
public final class ReactiveWampWebSocketHandler implements WebHandler {

    private static final Logger logger = LoggerFactory.getLogger(ReactiveWampWebSocketHandler.class);

    /** The name of any principal, without authorities, as WebFlux authenticated it. */
    public static final HandshakePrincipalConverter NAME_ONLY = HandshakePrincipalConverter.nameOnly("webflux");

    private final WampRouter router;
    private final List<WampSerializer> serializers;
    private final int maxMessageSize;
    /** One handshake spec per subprotocol, and one for none (the connection is then closed with 1002). */
    private final Map<String, WebsocketServerSpec> specs = new HashMap<>();
    private final WebsocketServerSpec noSubprotocol;
    private final WebSocketDecoderConfig decoderConfig;
    private volatile HandshakePrincipalConverter principals = NAME_ONLY;

    public ReactiveWampWebSocketHandler(WampRouter router, List<WampSerializer> serializers, int maxMessageSize) {
        this.router = router;
        this.serializers = List.copyOf(serializers);
        this.maxMessageSize = maxMessageSize;
        for (WampSerializer serializer : this.serializers) {
            specs.put(serializer.subprotocol(), spec(serializer.subprotocol(), maxMessageSize));
        }
        this.noSubprotocol = spec(null, maxMessageSize);
        this.decoderConfig = OversizedFrameGuard.decoderConfig(maxMessageSize);
    }

    /**
     * The subprotocol is negotiated here, not by Reactor Netty: given protocols of which the client offers none, it
     * would complete the handshake and then never call the handler, leaving the connection open and silent.
     */
    private static WebsocketServerSpec spec(@Nullable String subprotocol, int maxMessageSize) {
        WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder()
                // no single frame beyond the message limit is buffered; OversizedFrameGuard turns it into an ABORT
                .maxFramePayloadLength(maxMessageSize);
        return (subprotocol != null ? spec.protocols(subprotocol) : spec).build();
    }

    /** How the handshake's principal reaches the router (the {@code http} authentication method reads it). */
    public void setPrincipalConverter(HandshakePrincipalConverter principals) {
        this.principals = principals;
    }

    public List<String> getSubProtocols() {
        return serializers.stream().map(WampSerializer::subprotocol).toList();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        if (request.getMethod() != HttpMethod.GET) {
            response.setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
            return response.setComplete();
        }
        if (!"websocket".equalsIgnoreCase(request.getHeaders().getFirst("Upgrade"))) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return response.setComplete();
        }
        Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        if (!(nativeResponse instanceof HttpServerResponse netty)) {
            logger.error("The reactive WAMP transport needs Reactor Netty, but the server is {}",
                    nativeResponse.getClass().getName());
            response.setStatusCode(HttpStatus.NOT_IMPLEMENTED);
            return response.setComplete();
        }
        InetSocketAddress remoteAddress = request.getRemoteAddress();
        WebsocketServerSpec spec = negotiate(request.getHeaders().get("Sec-WebSocket-Protocol"));
        return exchange.getPrincipal()
                .map(principal -> Optional.ofNullable(principals.convert(principal)))
                .defaultIfEmpty(Optional.empty())
                // commit the response first, as Spring's own upgrade does, so pre-commit actions run
                .flatMap(principal -> response.setComplete().then(Mono.defer(() -> netty.sendWebsocket(
                        (in, out) -> serve(in, principal.orElse(null), remoteAddress), spec))));
    }

    /** One WebSocket connection, from the end of its handshake, on its event loop. */
    private Mono<Void> serve(WebsocketInbound in, @Nullable TransportPrincipal principal,
            @Nullable InetSocketAddress remoteAddress) {
        WampSerializer serializer = serializerFor(in.selectedSubprotocol());
        Channel[] channel = new Channel[1];
        in.withConnection(connection -> channel[0] = connection.channel());
        CloseHandshake closeHandshake = CloseHandshake.install(channel[0], router.config().closeTimeout());
        if (serializer == null) {
            logger.debug("WebSocket connection from {} negotiated no WAMP subprotocol", remoteAddress);
            closeHandshake.close(new WebSocketCloseStatus(1002, "no supported WAMP subprotocol offered"));
            return in.receiveFrames().then();
        }
        TransportInfo info = new TransportInfo("websocket", serializer.name(), remoteAddress, principal);
        WampConnection connection = router.connect(new NettyWebSocketTransport(channel[0], closeHandshake,
                serializer.isBinary(), info), serializer);
        OversizedFrameGuard.install(channel[0], connection, decoderConfig);
        FrameAssembler assembler = new FrameAssembler(connection, serializer.isBinary(), maxMessageSize);
        return in.receiveFrames()
                .doOnNext(assembler::accept)
                .then()
                .onErrorResume(ex -> {
                    logger.debug("WebSocket connection from {} failed", remoteAddress, ex);
                    return Mono.empty();
                })
                .doFinally(signal -> connection.onClose());
    }

    /** The first subprotocol the client offers that the router speaks: the client's preference decides. */
    private WebsocketServerSpec negotiate(@Nullable List<String> offered) {
        if (offered != null) {
            for (String header : offered) {
                for (String protocol : header.split(",")) {
                    WebsocketServerSpec spec = specs.get(protocol.trim());
                    if (spec != null) {
                        return spec;
                    }
                }
            }
        }
        return noSubprotocol;
    }

    private @Nullable WampSerializer serializerFor(@Nullable String subprotocol) {
        for (WampSerializer serializer : serializers) {
            if (serializer.subprotocol().equals(subprotocol)) {
                return serializer;
            }
        }
        return null;
    }
}
