package io.wampspring.router;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UriCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"com", "com.example", "com.example.add2", "com.my_app.v2.some_proc", "a.b.c.d.e.f", "0.1"})
    void strictAndLooseAcceptLowerCaseUris(String uri) {
        assertThat(UriCheck.STRICT.isValid(uri, false)).isTrue();
        assertThat(UriCheck.LOOSE.isValid(uri, false)).isTrue();
        assertThat(UriCheck.STRICT.isValid(uri, true)).isTrue();
        assertThat(UriCheck.LOOSE.isValid(uri, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Com.Example", "com.example-app.proc", "com.example.proc!", "com.\u6F22\u5B57",
            "com.caf\u00E9", "com.example:add", "com.\uD83D\uDE00", "com.example.$proc", "com.Example.Proc"})
    void looseOnlyAcceptsMoreCharacters(String uri) {
        assertThat(UriCheck.LOOSE.isValid(uri, false)).isTrue();
        assertThat(UriCheck.STRICT.isValid(uri, false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com.ex ample", "com.example proc", " com.example", "com.example ", "com.a\tb",
            "com.a\nb", "com#example", "com.example#", "#", ".", "com..example", ".com.example", "com.example.",
            "..", "com.example.."})
    void invalidForEveryCheckWithoutEmptyComponents(String uri) {
        assertThat(UriCheck.LOOSE.isValid(uri, false)).as("loose '%s'", uri).isFalse();
        assertThat(UriCheck.STRICT.isValid(uri, false)).as("strict '%s'", uri).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com..example", ".com.example", "com.example.", "com.example..proc", "..", "."})
    void emptyComponentsAreAllowedForPatterns(String uri) {
        assertThat(UriCheck.LOOSE.isValid(uri, true)).isTrue();
        assertThat(UriCheck.STRICT.isValid(uri, true)).isTrue();
        assertThat(UriCheck.LOOSE.isValid(uri, false)).isFalse();
        assertThat(UriCheck.STRICT.isValid(uri, false)).isFalse();
    }

    @Test
    void emptyComponentsDoNotExcuseBadCharacters() {
        assertThat(UriCheck.LOOSE.isValid("com..ex ample", true)).isFalse();
        assertThat(UriCheck.LOOSE.isValid("com..ex#ample", true)).isFalse();
        assertThat(UriCheck.STRICT.isValid("com..Example", true)).isFalse();
        assertThat(UriCheck.LOOSE.isValid("com..Example", true)).isTrue();
    }

    @Test
    void anEmptyUriIsNeverValid() {
        assertThat(UriCheck.LOOSE.isValid("", true)).isFalse();
        assertThat(UriCheck.STRICT.isValid("", true)).isFalse();
    }
}
