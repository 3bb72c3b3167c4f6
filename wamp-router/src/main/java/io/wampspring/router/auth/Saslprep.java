package io.wampspring.router.auth;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013), as WAMP-SCRAM asks for passwords and user names: non-ASCII spaces become spaces, characters
 * "commonly mapped to nothing" go, the result is NFKC-normalized, and prohibited characters (controls, private use,
 * surrogates, non-characters, tagging and display-changing characters) are refused. The bidirectional-text checks and
 * the Unicode 3.2 unassigned-code-point check are not made. ASCII text without controls comes out unchanged.
 */
final class Saslprep {

    private Saslprep() {
    }

    /** The prepared string; IllegalArgumentException naming the code point if a prohibited character remains. */
    static String prepare(String text) {
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isNonAsciiSpace(cp)) {
                mapped.append(' ');
            }
            else if (!isMappedToNothing(cp)) {
                mapped.appendCodePoint(cp);
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        normalized.codePoints().filter(Saslprep::isProhibited).findFirst().ifPresent(cp -> {
            throw new IllegalArgumentException("contains a character SASLprep prohibits: U+"
                    + Integer.toHexString(cp).toUpperCase());
        });
        return normalized;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(int cp) {
        return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** RFC 3454 table B.1. */
    private static boolean isMappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
    }

    /** RFC 3454 tables C.2.1 to C.9, as RFC 4013 section 2.3 lists them. */
    private static boolean isProhibited(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) // C.2.1, C.2.2 controls
                || cp == 0x06DD || cp == 0x070F || cp == 0x180E || cp == 0x200C || cp == 0x200D
                || (cp >= 0x2028 && cp <= 0x2029) || (cp >= 0x2060 && cp <= 0x2063) || cp == 0xFEFF
                || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD)
                || (cp >= 0x100000 && cp <= 0x10FFFD) // C.3 private use
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE // C.4 non-characters
                || (cp >= 0xD800 && cp <= 0xDFFF) // C.5 surrogates
                || (cp >= 0xFFF9 && cp <= 0xFFFD) // C.6
                || (cp >= 0x2FF0 && cp <= 0x2FFB) // C.7
                || cp == 0x0340 || cp == 0x0341 || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x206A && cp <= 0x206F) // C.8
                || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F); // C.9
    }
}
