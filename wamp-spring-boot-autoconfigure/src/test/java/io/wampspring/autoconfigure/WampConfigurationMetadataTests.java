package io.wampspring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata the build generates (target/classes/META-INF/spring-configuration-metadata.json: the
 * configuration processor's output merged with additional-spring-configuration-metadata.json) covers every property
 * of {@link WampProperties}, found by walking its classes, with a description, its default, and value hints for
 * enums.
 */
class WampConfigurationMetadataTests {

    private static JsonNode metadata;

    /** Every leaf property, by name, with the Java property that binds it. */
    private static final Map<String, Leaf> leaves = new LinkedHashMap<>();

    @BeforeAll
    static void readMetadataAndProperties() throws Exception {
        // the module's own file, next to its classes (Boot's jars have one each too)
        URL classes = WampProperties.class.getProtectionDomain().getCodeSource().getLocation();
        URL file = new URL(classes, "META-INF/spring-configuration-metadata.json");
        try (InputStream in = file.openStream()) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        walk("wamp", new WampProperties());
    }

    private record Leaf(PropertyDescriptor descriptor, Object owner) {

        Object defaultValue() throws Exception {
            return descriptor.getReadMethod().invoke(owner);
        }
    }

    private static void walk(String prefix, Object bean) throws Exception {
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(bean.getClass())) {
            if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
                continue;
            }
            String name = prefix + "." + dashed(descriptor.getName());
            Class<?> type = descriptor.getPropertyType();
            if (type.getSimpleName().startsWith("Wamp") && type.getSimpleName().endsWith("Properties")) {
                walk(name, descriptor.getReadMethod().invoke(bean));
            }
            else {
                leaves.put(name, new Leaf(descriptor, bean));
            }
        }
    }

    @Test
    void theWalkFindsTheKnownProperties() {
        assertThat(leaves).containsKeys("wamp.enabled", "wamp.max-message-size", "wamp.serializers", "wamp.realms",
                "wamp.send-buffer.max-size", "wamp.rpc.call-timeout", "wamp.pubsub.event-history",
                "wamp.local.event-backlog");
        assertThat(leaves).hasSizeGreaterThanOrEqualTo(18);
    }

    @Test
    void everyPropertyHasADescription() {
        for (String name : leaves.keySet()) {
            JsonNode property = property(name);
            assertThat(property).as("metadata of %s", name).isNotNull();
            assertThat(property.path("description").asString("")).as("description of %s", name).isNotBlank();
        }
    }

    @Test
    void everyPropertyWithADefaultHasItsDefault() throws Exception {
        for (Map.Entry<String, Leaf> entry : leaves.entrySet()) {
            Object value = entry.getValue().defaultValue();
            if (value == null || isListOfObjects(entry.getValue())) {
                continue;
            }
            assertThat(property(entry.getKey()).has("defaultValue")).as("default of %s (%s)", entry.getKey(), value)
                    .isTrue();
        }
        assertThat(property("wamp.serializers").get("defaultValue").values()).extracting(JsonNode::asString)
                .containsExactly("json", "msgpack", "cbor");
        assertThat(property("wamp.allowed-origins").get("defaultValue").isEmpty()).isTrue();
        assertThat(property("wamp.max-message-size").get("defaultValue").asString()).isEqualTo("16MB");
        assertThat(property("wamp.local.event-backlog").get("defaultValue").asInt()).isEqualTo(10_000);
        assertThat(property("wamp.close-timeout").get("defaultValue").asString()).isEqualTo("5s");
    }

    /**
     * A list of objects (a realm, a procedure timeout, an event history entry) is one property in the metadata
     * format, whose type lets an IDE complete the element's properties; its description names each of them.
     */
    @Test
    void listsOfObjectsDescribeEveryElementProperty() {
        int lists = 0;
        for (Map.Entry<String, Leaf> entry : leaves.entrySet()) {
            if (!isListOfObjects(entry.getValue())) {
                continue;
            }
            lists++;
            Class<?> element = elementType(entry.getValue());
            JsonNode property = property(entry.getKey());
            assertThat(property.path("type").asString()).as("type of %s", entry.getKey())
                    .isEqualTo("java.util.List<" + element.getName() + ">");
            String description = property.path("description").asString();
            for (PropertyDescriptor field : BeanUtils.getPropertyDescriptors(element)) {
                if (field.getWriteMethod() != null) {
                    assertThat(description).as("description of %s", entry.getKey())
                            .containsPattern("\\b" + dashed(field.getName()) + " \\(");
                }
            }
        }
        assertThat(lists).as("wamp.realms, wamp.rpc.procedure-timeouts, wamp.pubsub.event-history").isEqualTo(3);
        assertThat(property("wamp.realms").path("description").asString()).contains("name (its URI; default realm1)")
                .contains("auth-methods (").contains("anonymous-role (");
    }

    @Test
    void enumsHaveValueHintsWithDescriptions() {
        int enums = 0;
        for (Map.Entry<String, Leaf> entry : leaves.entrySet()) {
            Class<?> type = entry.getValue().descriptor().getPropertyType();
            if (Collection.class.isAssignableFrom(type)) {
                type = elementType(entry.getValue());
            }
            if (!type.isEnum()) {
                continue;
            }
            enums++;
            List<String> expected = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                expected.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            JsonNode hint = hint(entry.getKey());
            assertThat(hint).as("hint of %s", entry.getKey()).isNotNull();
            assertThat(hint.get("values").values()).extracting(value -> value.get("value").asString())
                    .as("hinted values of %s", entry.getKey()).containsExactlyElementsOf(expected);
            assertThat(hint.get("values").values()).allSatisfy(value -> assertThat(value.path("description")
                    .asString("")).isNotBlank());
        }
        assertThat(enums).as("uri-check, serializers, send-buffer.overflow-policy").isEqualTo(3);
    }

    private static boolean isListOfObjects(Leaf leaf) {
        if (!List.class.isAssignableFrom(leaf.descriptor().getPropertyType())) {
            return false;
        }
        Class<?> element = elementType(leaf);
        return element.getPackageName().equals(WampProperties.class.getPackageName()) && !element.isEnum();
    }

    private static Class<?> elementType(Leaf leaf) {
        Type type = leaf.descriptor().getReadMethod().getGenericReturnType();
        return (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    private static JsonNode property(String name) {
        return find("properties", name);
    }

    private static JsonNode hint(String name) {
        return find("hints", name);
    }

    private static JsonNode find(String section, String name) {
        for (JsonNode item : metadata.path(section).values()) {
            if (item.path("name").asString().equals(name)) {
                return item;
            }
        }
        return null;
    }

    private static String dashed(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
