package io.wampspring.router.serialization;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.cbor.CBORFactory;

/** {@code wamp.2.cbor}: binary values are CBOR byte strings. */
public final class CborSerializer extends JacksonSerializer {

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
    Object readEmbedded(JsonParser parser) {
        return parser.getBinaryValue();
    }

    @Override
    void writeBinary(JsonGenerator generator, byte[] bytes) {
        generator.writeBinary(bytes);
    }
}
