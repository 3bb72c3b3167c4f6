package io.wampspring.spring.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs a test once per WAMP serializer: wamp.2.json, wamp.2.msgpack and wamp.2.cbor. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "wamp.2.{0}")
@ValueSource(strings = {"json", "msgpack", "cbor"})
@interface AllSerializers {
}
