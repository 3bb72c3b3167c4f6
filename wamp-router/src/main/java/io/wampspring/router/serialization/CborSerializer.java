package io.wampspring.router.serialization;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import io.wampspring.router.message.WampMessage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORGenerator;

/** {@code wamp.2.cbor}: binary values are CBOR byte strings. */
public final class CborSerializer extends JacksonSerializer {

    /** Below this length Jackson writes a string in one piece anyway. */
    private static final int SHORT_STRING = 1024;

    public CborSerializer() {
        super(CBORFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNestingDepth(MAX_DEPTH + 1)
                        .build())
                .build());
    }

    @Override
    public String name() {
        return "cbor";
    }

    @Override
    public boolean isBinary() {
        return true;
    }

    @Override
    public WampMessage deserialize(byte[] frame) {
        CborPrecheck.check(frame);
        return super.deserialize(frame);
    }

    @Override
    Object readEmbedded(JsonParser parser) {
        return parser.getBinaryValue();
    }

    /**
     * Jackson writes strings longer than a few thousand characters as indefinite-length chunks: valid CBOR, but
     * autobahn-js keeps only some of the chunks and wampy refuses them. Written from UTF-8 bytes, a string has one
     * definite length, which every decoder reads.
     */
    @Override
    void writeString(JsonGenerator generator, String value) {
        if (value.length() < SHORT_STRING) {
            generator.writeString(value);
        }
        else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            generator.writeUTF8String(utf8, 0, utf8.length);
        }
    }

    /** Major type 0 with an 8-byte argument: every CBOR decoder reads it, while bignum tags are optional. */
    @Override
    void writeUnsigned64(JsonGenerator generator, BigInteger value) {
        ((CBORGenerator) generator).writeNumberUnsigned(value.longValue());
    }

    @Override
    void writeBinary(JsonGenerator generator, byte[] bytes) {
        generator.writeBinary(bytes);
    }
}
