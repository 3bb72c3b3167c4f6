package io.wampspring.router;

import java.util.Map;

import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.transport.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a peer's message goes, by the state of its {@link RouterSession}: in an established session to the realm's
 * dealer or broker; before WELCOME to the {@link SessionHandshake}; after GOODBYE nowhere. Anything a client may not
 * send in that state is a protocol violation.
 */
final class SessionMessages {

    private static final Logger logger = LoggerFactory.getLogger(SessionMessages.class);

    private SessionMessages() {
    }

    /** A message of an established session. */
    static void route(RouterSession session, WampMessage message) {
        Realm realm = session.realm();
        if (realm == null) {
            return;
        }
        switch (message.type()) {
            case CALL -> realm.dealer().call(session, (Call) message);
            case YIELD -> realm.dealer().yield(session, (Yield) message);
            case PUBLISH -> realm.broker().publish(session, (Publish) message);
            case SUBSCRIBE -> realm.broker().subscribe(session, (Subscribe) message);
            case UNSUBSCRIBE -> realm.broker().unsubscribe(session, (Unsubscribe) message);
            case REGISTER -> realm.dealer().register(session, (Register) message);
            case UNREGISTER -> realm.dealer().unregister(session, (Unregister) message);
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                if (error.requestType() == MessageType.INVOCATION) {
                    realm.dealer().invocationError(session, error);
                }
                else {
                    session.protocolViolation(
                            "ERROR for a " + error.requestType() + " is not a message a client sends");
                }
            }
            case CANCEL -> realm.dealer().cancel(session, (Cancel) message);
            case GOODBYE -> session.end(CloseReason.NORMAL, new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
            case ABORT -> session.end(CloseReason.NORMAL, null);
            case HELLO -> session.protocolViolation("HELLO received on an established session");
            default -> session.protocolViolation(message.type() + " is not a message a client sends");
        }
    }

    /** A message before WELCOME or after GOODBYE; one at a time per session, like every message. */
    static void outsideSession(RouterSession session, WampMessage message, SessionHandshake handshake) {
        switch (session.state()) {
            case AWAITING_HELLO -> {
                if (message instanceof Hello hello) {
                    handshake.hello(hello);
                }
                else if (message.type() == MessageType.ABORT) {
                    session.end(CloseReason.NORMAL, null);
                }
                else {
                    session.protocolViolation(message.type() + " received before HELLO");
                }
            }
            case AUTHENTICATING -> {
                if (message instanceof Authenticate authenticate && handshake.answer(authenticate)) {
                    return; // the authenticator's decision carries the handshake on
                }
                if (message.type() == MessageType.ABORT) {
                    session.end(CloseReason.NORMAL, null);
                }
                else {
                    session.protocolViolation(message.type() + " received while authenticating"
                            + (message.type() == MessageType.AUTHENTICATE ? " without a CHALLENGE" : ""));
                }
            }
            case CLOSING -> {
                if (message.type() == MessageType.GOODBYE || message.type() == MessageType.ABORT) {
                    session.end(CloseReason.NORMAL, null);
                }
            }
            case ESTABLISHED -> route(session, message);
            case CLOSED -> logger.trace("Session {} ignores {} after close", session.sessionId(), message.type());
        }
    }
}
