package io.wampspring.router.serialization;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import org.jspecify.annotations.Nullable;

/**
 * Converts between messages and their list form ({@code [type, ...]}), the form every serializer reads and writes.
 * Decoding checks every field's type and the list's length, so a serializer only has to produce plain values:
 * null, Boolean, Long, BigInteger, Double, String, byte[], List and Map with String keys.
 */
public final class MessageCodec {

    /** The largest id the spec allows: 2^53. */
    public static final long MAX_ID = 1L << 53;

    private MessageCodec() {
    }

    /**
     * An id as a peer sent it: an integer in [0, 2^53], or a float with such an integral value; null for anything
     * else. JavaScript has one number type, and the MessagePack and CBOR encoders of its clients (msgpackr and
     * cbor-x, which wampy uses) write integers beyond 2^32 as 64-bit floats. Session, subscription and registration
     * ids are random up to 2^53, so without this such a client could name almost no id: not unsubscribe, not
     * unregister, not list a session in {@code eligible}. A float up to 2^53 holds such an integer exactly.
     */
    public static @Nullable Long idValue(@Nullable Object value) {
        if (value instanceof Long id) {
            return id >= 0 && id <= MAX_ID ? id : null;
        }
        if (value instanceof Double number && number == Math.rint(number) && number >= 0 && number <= MAX_ID) {
            return number.longValue();
        }
        return null;
    }

    public static WampMessage fromList(Object decoded) {
        if (!(decoded instanceof List<?> list)) {
            throw new ProtocolViolationException("a WAMP message must be a list");
        }
        if (list.isEmpty()) {
            throw new ProtocolViolationException("a WAMP message must not be empty");
        }
        if (!(list.get(0) instanceof Long code)) {
            throw new ProtocolViolationException("the message type must be an integer");
        }
        MessageType type = MessageType.ofCode(code);
        if (type == null) {
            throw new ProtocolViolationException("unknown message type " + code);
        }
        Fields f = new Fields(type, list);
        return switch (type) {
            case HELLO -> f.size(3, 3, new Hello(f.uri(1), f.dict(2)));
            case WELCOME -> f.size(3, 3, new Welcome(f.id(1), f.dict(2)));
            case ABORT -> f.size(3, 5, new Abort(f.dict(1), f.uri(2), f.payload(3)));
            case CHALLENGE -> f.size(3, 3, new Challenge(f.string(1), f.dict(2)));
            case AUTHENTICATE -> f.size(3, 3, new Authenticate(f.string(1), f.dict(2)));
            case GOODBYE -> f.size(3, 3, new Goodbye(f.dict(1), f.uri(2)));
            case ERROR -> f.size(5, 7, new ErrorMessage(f.messageType(1), f.id(2), f.dict(3), f.uri(4), f.payload(5)));
            case PUBLISH -> f.size(4, 6, new Publish(f.id(1), f.dict(2), f.uri(3), f.payload(4)));
            case PUBLISHED -> f.size(3, 3, new Published(f.id(1), f.id(2)));
            case SUBSCRIBE -> f.size(4, 4, new Subscribe(f.id(1), f.dict(2), f.uri(3)));
            case SUBSCRIBED -> f.size(3, 3, new Subscribed(f.id(1), f.id(2)));
            case UNSUBSCRIBE -> f.size(3, 3, new Unsubscribe(f.id(1), f.id(2)));
            case UNSUBSCRIBED -> f.size(2, 3, new Unsubscribed(f.requestIdOrZero(1), f.optionalDict(2)));
            case EVENT -> f.size(4, 6, new Event(f.id(1), f.id(2), f.dict(3), f.payload(4)));
            case CALL -> f.size(4, 6, new Call(f.id(1), f.dict(2), f.uri(3), f.payload(4)));
            case CANCEL -> f.size(3, 3, new Cancel(f.id(1), f.dict(2)));
            case RESULT -> f.size(3, 5, new Result(f.id(1), f.dict(2), f.payload(3)));
            case REGISTER -> f.size(4, 4, new Register(f.id(1), f.dict(2), f.uri(3)));
            case REGISTERED -> f.size(3, 3, new Registered(f.id(1), f.id(2)));
            case UNREGISTER -> f.size(3, 3, new Unregister(f.id(1), f.id(2)));
            case UNREGISTERED -> f.size(2, 3, new Unregistered(f.requestIdOrZero(1), f.optionalDict(2)));
            case INVOCATION -> f.size(4, 6, new Invocation(f.id(1), f.id(2), f.dict(3), f.payload(4)));
            case INTERRUPT -> f.size(3, 3, new Interrupt(f.id(1), f.dict(2)));
            case YIELD -> f.size(3, 5, new Yield(f.id(1), f.dict(2), f.payload(3)));
        };
    }

    public static List<Object> toList(WampMessage message) {
        int code = message.type().code();
        // Java 17 has no pattern matching for switch: switch on the type code and cast
        return switch (message.type()) {
            case HELLO -> { Hello m = (Hello) message; yield list(code, m.realm(), m.details()); }
            case WELCOME -> { Welcome m = (Welcome) message; yield list(code, m.session(), m.details()); }
            case ABORT -> { Abort m = (Abort) message; yield withPayload(list(code, m.details(), m.reason()), m.payload()); }
            case CHALLENGE -> { Challenge m = (Challenge) message; yield list(code, m.authMethod(), m.extra()); }
            case AUTHENTICATE -> { Authenticate m = (Authenticate) message; yield list(code, m.signature(), m.extra()); }
            case GOODBYE -> { Goodbye m = (Goodbye) message; yield list(code, m.details(), m.reason()); }
            case ERROR -> {
                ErrorMessage m = (ErrorMessage) message;
                yield withPayload(list(code, m.requestType().code(), m.request(), m.details(), m.error()), m.payload());
            }
            case PUBLISH -> {
                Publish m = (Publish) message;
                yield withPayload(list(code, m.request(), m.options(), m.topic()), m.payload());
            }
            case PUBLISHED -> { Published m = (Published) message; yield list(code, m.request(), m.publication()); }
            case SUBSCRIBE -> { Subscribe m = (Subscribe) message; yield list(code, m.request(), m.options(), m.topic()); }
            case SUBSCRIBED -> { Subscribed m = (Subscribed) message; yield list(code, m.request(), m.subscription()); }
            case UNSUBSCRIBE -> { Unsubscribe m = (Unsubscribe) message; yield list(code, m.request(), m.subscription()); }
            case UNSUBSCRIBED -> {
                Unsubscribed m = (Unsubscribed) message;
                yield m.details().isEmpty() ? list(code, m.request()) : list(code, m.request(), m.details());
            }
            case EVENT -> {
                Event m = (Event) message;
                yield withPayload(list(code, m.subscription(), m.publication(), m.details()), m.payload());
            }
            case CALL -> {
                Call m = (Call) message;
                yield withPayload(list(code, m.request(), m.options(), m.procedure()), m.payload());
            }
            case CANCEL -> { Cancel m = (Cancel) message; yield list(code, m.request(), m.options()); }
            case RESULT -> { Result m = (Result) message; yield withPayload(list(code, m.request(), m.details()), m.payload()); }
            case REGISTER -> { Register m = (Register) message; yield list(code, m.request(), m.options(), m.procedure()); }
            case REGISTERED -> { Registered m = (Registered) message; yield list(code, m.request(), m.registration()); }
            case UNREGISTER -> { Unregister m = (Unregister) message; yield list(code, m.request(), m.registration()); }
            case UNREGISTERED -> {
                Unregistered m = (Unregistered) message;
                yield m.details().isEmpty() ? list(code, m.request()) : list(code, m.request(), m.details());
            }
            case INVOCATION -> {
                Invocation m = (Invocation) message;
                yield withPayload(list(code, m.request(), m.registration(), m.details()), m.payload());
            }
            case INTERRUPT -> { Interrupt m = (Interrupt) message; yield list(code, m.request(), m.options()); }
            case YIELD -> { Yield m = (Yield) message; yield withPayload(list(code, m.request(), m.options()), m.payload()); }
        };
    }

    private static List<Object> list(Object... elements) {
        List<Object> list = new ArrayList<>(elements.length + 2);
        for (Object element : elements) {
            list.add(element);
        }
        return list;
    }

    /** Appends args and kwargs as the sender gave them: nothing when absent, an empty args list only before kwargs. */
    private static List<Object> withPayload(List<Object> list, Payload payload) {
        List<Object> args = payload.args();
        Map<String, Object> kwargs = payload.kwargs();
        if (kwargs != null) {
            list.add(args != null ? args : List.of());
            list.add(kwargs);
        }
        else if (args != null) {
            list.add(args);
        }
        return list;
    }

    /** Typed access to the fields of one decoded list, with errors that name the message and the field. */
    private record Fields(MessageType type, List<?> list) {

        <T extends WampMessage> T size(int min, int max, T message) {
            // the constructor arguments have been read by now; an over-long list is the only remaining fault
            if (list.size() > max) {
                throw violation("has " + list.size() + " elements, at most " + max + " allowed");
            }
            return message;
        }

        private Object required(int index) {
            if (index >= list.size()) {
                throw violation("is too short: element " + index + " is missing");
            }
            return list.get(index);
        }

        /** An id in [1, 2^53]: the spec's range for every id, 0 included nowhere but {@link #requestIdOrZero}. */
        long id(int index) {
            return id(index, 1);
        }

        /** The request id of UNSUBSCRIBED and UNREGISTERED, which is 0 when the router revokes on its own. */
        long requestIdOrZero(int index) {
            return id(index, 0);
        }

        private long id(int index, long min) {
            Object value = required(index);
            Long id = idValue(value);
            if (id != null && id >= min) {
                return id;
            }
            if (id != null || value instanceof Long || value instanceof BigInteger) {
                throw violation("element " + index + " is an id out of range [" + min + ", 2^53]: " + value);
            }
            throw violation("element " + index + " must be an integer id");
        }

        String string(int index) {
            if (required(index) instanceof String s) {
                return s;
            }
            throw violation("element " + index + " must be a string");
        }

        String uri(int index) {
            return string(index);
        }

        MessageType messageType(int index) {
            Object value = required(index);
            MessageType requestType = value instanceof Long code ? MessageType.ofCode(code) : null;
            if (requestType == null) {
                throw violation("element " + index + " must be a message type code");
            }
            return requestType;
        }

        Map<String, Object> dict(int index) {
            return asDict(required(index), index);
        }

        Map<String, Object> optionalDict(int index) {
            return index < list.size() ? asDict(list.get(index), index) : Map.of();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> asDict(@Nullable Object value, int index) {
            if (value instanceof Map<?, ?> map) {
                return withoutAbsentValues((Map<String, Object>) map);
            }
            throw violation("element " + index + " must be a dictionary");
        }

        @SuppressWarnings("unchecked")
        Payload payload(int argsIndex) {
            if (argsIndex >= list.size()) {
                return Payload.EMPTY;
            }
            if (!(list.get(argsIndex) instanceof List<?> args)) {
                throw violation("element " + argsIndex + " (args) must be a list");
            }
            if (argsIndex + 1 >= list.size()) {
                return Payload.of(args, null);
            }
            if (!(list.get(argsIndex + 1) instanceof Map<?, ?> kwargs)) {
                throw violation("element " + (argsIndex + 1) + " (kwargs) must be a dictionary");
            }
            return Payload.of(args, (Map<String, ?>) kwargs);
        }

        private ProtocolViolationException violation(String what) {
            return new ProtocolViolationException(type + " message " + what);
        }
    }

    /** Options and details with a null (or undefined) value are treated as if the key were absent. */
    static Map<String, Object> withoutAbsentValues(Map<String, Object> map) {
        if (!map.containsValue(null)) {
            return map;
        }
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.values().removeIf(value -> value == null);
        return copy;
    }
}
