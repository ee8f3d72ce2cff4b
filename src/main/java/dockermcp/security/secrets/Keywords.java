package dockermcp.security.secrets;

import java.util.HashMap;
import java.util.Map;

/**
 * A fixed set of keywords, and which of them a text holds in any ASCII case, found in one pass: a rule whose keyword
 * is absent then costs nothing instead of a search of its own through the whole text. A word outside the set is
 * answered by a search, so a rule that asks for one is still right, only slower.
 */
public final class Keywords {

    /** The keywords of the detector's rules. */
    static final Keywords RULES = of(
            // KeyMaterial
            "mnemonic", "phrase", "seed words", "recovery words", "backup words", "secret words", "authenticator", "key", "secret", "otp",
            "seed", "2fa", "mfa", "v1-secret: type", "untrusted comment:", "rwrty0iy", "rwqaaeiy", "rwrcswaa", "---- begin ssh2",
            // UrlCredentials, JwkMembers
            "://", "kty",
            // ConfigDumps, TableColumns, Banners
            "<name>", "key=", "name=", "<![cdata[", "name:", "]=>", "] => ", "\"-", "insert into", "password for", ":\n", "enerated",
            "redentials are ", "+ echo ", "+ printf ",
            // NextLineValues
            "\"value\"",
            // LineShapes: ConfigLines, Transcripts, OddSeparators, NameTails
            "pass", "pwd", "pw", "token", "cred", "psk", "phrase", "auth", "login", "logon", "bind", "connect", "334", "sp_", "identify",
            // AdminCommands (its VERBS), WireLogins (its NUL_FORMS), RuntimeDumps
            "register", "passwd", "password", "add_user", "add-user", "adduser", "change_password", "change-password", "changepassword",
            "set_password", "set-password", "setpassword", "create-user", "create_user", "createuser", "user-create", "reset-password",
            "reset_password", "resetpassword", "update-password", "update_password", "set-initial-password", "setpass", "chpass", "passwd-user",
            "user-password", "add", "p=", "\\x00", "\\u0000", "\\000", "\\0", "^@", "\u0000", "plain", "passwordmessage", "'-", " => ",
            "keyvalue>", "<inverseq>", "::add-mask::", "issecret=true", "0100", "0110",
            // SiblingFields: its gates and the words it looks for (read in this one pass, not searched for one by one)
            "label=", "\";s:", "\np", "s'", "\nv", "\"path\"", ": &", "export ", "setenv ", "declare -x ", "declare -rx ", "typeset -x ", "env ", "set ",
            "\t", ",", "|", ":{\"", ": {\"");

    /** A trie over the words: {@code next[node * 128 + c]} is the child for ASCII {@code c} (0: none); {@code word[node]} is a word's index + 1. */
    private final int[] next;
    private final int[] word;
    private final Map<String, Integer> index = new HashMap<>();
    private final int count;

    private Keywords(String[] words) {
        int nodes = 1;
        for (String w : words) {
            nodes += w.length();
        }
        next = new int[nodes * 128];
        word = new int[nodes];
        count = words.length;
        int used = 1;
        for (int k = 0; k < words.length; k++) {
            int node = 0;
            for (char c : words[k].toCharArray()) {
                if (c >= 128 || c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("keywords are lower-case ASCII: " + words[k]);
                }
                if (next[node * 128 + c] == 0) {
                    next[node * 128 + c] = used++;
                }
                node = next[node * 128 + c];
            }
            word[node] = k + 1;
            index.put(words[k], k);
        }
    }

    /** @param words lower-case ASCII */
    public static Keywords of(String... words) {
        return new Keywords(words);
    }

    /** Reads the text once; cost: its length times the depth the trie follows at each place, at most the longest word. */
    public Found in(char[] t) {
        boolean[] found = new boolean[count];
        for (int i = 0; i < t.length; i++) {
            int node = 0;
            for (int j = i; j < t.length; j++) {
                char c = t[j];
                if (c >= 128) {
                    break;
                }
                node = next[node * 128 + (c >= 'A' && c <= 'Z' ? c | 0x20 : c)];
                if (node == 0) {
                    break;
                }
                if (word[node] != 0) {
                    found[word[node] - 1] = true;
                }
            }
        }
        return new Found(this, found, t);
    }

    /** Which of the words one text holds. */
    public static final class Found {
        private final Keywords set;
        private final boolean[] found;
        private final char[] text;

        private Found(Keywords set, boolean[] found, char[] text) {
            this.set = set;
            this.found = found;
            this.text = text;
        }

        /** True when the text holds {@code lowerWord} in any ASCII case. */
        public boolean has(String lowerWord) {
            Integer k = set.index.get(lowerWord);
            if (k != null) {
                return found[k];
            }
            return KeyBlocks.indexOfIgnoreCase(text, lowerWord) >= 0; // not in the set: searched for
        }
    }
}
