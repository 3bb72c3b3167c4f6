package io.wampspring.router.serialization;

import java.util.Base64;

import io.wampspring.router.message.WampMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code wamp.2.json}. Binary values travel as strings that start with {@code \u0000} followed by the base64 of the
 * bytes, as the spec says.
 */
public final class JsonSerializer extends JacksonSerializer {

    private final JsonFactory factory;

    public JsonSerializer() {
        this(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNestingDepth(MAX_DEPTH + 1)
                        .build())
                .build());
    }

    private JsonSerializer(JsonFactory factory) {
        super(factory);
        this.factory = factory;
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public boolean isBinary() {
        return false;
    }

    @Override
    public WampMessage deserialize(String frame) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), frame)) {
            return decode(parser);
        }
        catch (JacksonException ex) {
            throw new ProtocolViolationException("malformed json message: " + ex.getOriginalMessage(), ex);
        }
    }

    @Override
    Object readString(String value) {
        return !value.isEmpty() && value.charAt(0) == '\u0000' ? decodeBase64(value.substring(1)) : value;
    }

    /**
     * A string that starts with NUL would be read as binary by every JSON peer (the spec's convention), and as invalid
     * base64 at that: MessagePack and CBOR peers may send one, but it cannot travel as JSON.
     */
    @Override
    void writeString(JsonGenerator generator, String value) {
        if (!value.isEmpty() && value.charAt(0) == '\u0000') {
            throw new UnserializableValueException("cannot serialize a string starting with NUL in json, where it "
                    + "would be read as binary");
        }
        generator.writeString(value);
    }

    @Override
    void writeBinary(JsonGenerator generator, byte[] bytes) {
        generator.writeString('\u0000' + Base64.getEncoder().encodeToString(bytes));
    }
}
