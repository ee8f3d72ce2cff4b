package dockermcp.property;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of strings an attacker who controls tool arguments would try, shared by the property tests. */
final class HostileStrings {

    /** Characters that change the meaning of a path, query, header line or shell command, plus look-alikes. */
    static final String SPECIAL = "./\\:@%?#&=;$`'\" \t\r\n\u0000\u007f\u001b-_~+*|<>()[]{}!,^"
            + "\u202e\u202a\u2066\u2069\u200b\u200d\u200f\u2028\ufeff\u0435\u0430\u043e\uff0f\uff0e\u2024\u2215\u0131";

    private HostileStrings() {
    }

    static Arbitrary<String> validContainerName() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars("_.-").ofMaxLength(30))
                .as((a, b) -> a + b);
    }

    static Arbitrary<String> injection() {
        return Arbitraries.of("../", "..", "%2e%2e%2f", "%2E%2E/", "..\\", "/", "//", "?", "?all=1", "#", "&", "&follow=1", "\r\n", "\n", "\r",
                "\u0000", "%00", "%0d%0a", " ", "-f", "--help", ";", "$(id)", "`id`", "'", "\"", "|", "\u202e", "\u200b", "\u0435", "\uff0f",
                "/../../containers/create", "/json?x=", "%2f", "@", ":", "\ud800", "\udc00", "\ud83d\udc33");
    }

    /** Anything: arbitrary unicode, hostile alphabets, and valid names with injections spliced in. */
    static Arbitrary<String> anything() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> special = Arbitraries.strings().withChars(SPECIAL).withCharRange('a', 'c').withCharRange('0', '2').ofMaxLength(40);
        Arbitrary<String> spliced = Combinators.combine(validContainerName(), injection(), validContainerName(), injection())
                .as((a, b, c, d) -> a + b + c + d);
        Arbitrary<String> long_ = Combinators.combine(validContainerName(), Arbitraries.integers().between(200, 5000))
                .as((a, n) -> a + "a".repeat(n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, unicode), net.jqwik.api.Tuple.of(3, special), net.jqwik.api.Tuple.of(4, spliced),
                net.jqwik.api.Tuple.of(1, long_), net.jqwik.api.Tuple.of(1, validContainerName()));
    }

    /** One clean line a client can be shown: printable, no line breaks or direction marks, bounded. */
    static boolean isOneCleanLine(String s) {
        if (s == null || s.isBlank() || s.length() > 1000) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                    || Character.isSurrogate(c)) {
                return false;
            }
        }
        return !s.matches("(?s).*([A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |java\\.).*");
    }
}
