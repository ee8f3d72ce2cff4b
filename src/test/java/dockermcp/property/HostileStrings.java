package dockermcp.property;

import java.util.List;

/** Strings an attacker who controls tool arguments would try, shared by the property tests. */
final class HostileStrings {

    /** Characters that change the meaning of a path, query, header line or shell command, plus look-alikes. */
    static final String SPECIAL = "./\\:@%?#&=;$`'\" \t\r\n\u0000\u007f\u001b-_~+*|<>()[]{}!,^"
            + "\u202e\u202a\u2066\u2069\u200b\u200d\u200f\u2028\ufeff\u0435\u0430\u043e\uff0f\uff0e\u2024\u2215\u0131";

    /** Fragments that break out of a path segment, a query, a header line or a command line. */
    static final List<String> INJECTIONS = List.of("../", "..", "%2e%2e%2f", "%2E%2E/", "..\\", "/", "//", "?", "?all=1", "#", "&", "&follow=1",
            "\r\n", "\n", "\r", "\u0000", "%00", "%0d%0a", " ", "-f", "--help", ";", "$(id)", "`id`", "'", "\"", "|", "\u202e", "\u200b", "\u0435",
            "\uff0f", "/../../containers/create", "/json?x=", "%2f", "@", ":", "\ud800", "\udc00", "\ud83d\udc33");

    private HostileStrings() {
    }

    static String validContainerName(Gen g) {
        return g.string(Gen.LOWER + Gen.DIGITS, 1, 1) + g.string(Gen.ALNUM + "_.-", 0, 30);
    }

    static String injection(Gen g) {
        return g.pick(INJECTIONS);
    }

    /** Anything: arbitrary unicode, hostile alphabets, and valid names with injections spliced in. */
    static String anything(Gen g) {
        return switch (g.weighted(3, 3, 4, 1, 1)) {
            case 0 -> g.anyString(0, 300);
            case 1 -> g.string(SPECIAL + "abc012", 0, 40);
            case 2 -> validContainerName(g) + injection(g) + validContainerName(g) + injection(g);
            case 3 -> validContainerName(g) + "a".repeat(g.between(200, 5000));
            default -> validContainerName(g);
        };
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
