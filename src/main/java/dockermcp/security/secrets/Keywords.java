package dockermcp.security.secrets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fixed set of keywords, and which of them a text holds in any ASCII case, found in one pass: a rule whose keyword
 * is absent then costs nothing instead of a search of its own through the whole text. A word outside the set is
 * answered by a search, so a rule that asks for one is still right, only slower.
 */
public final class Keywords {

    /**
     * Words of a log line that say a value wrapped onto the next line needs more of the line around it: a command's name, a
     * passphrase (read by {@code Redactor}, found in the detector's keyword pass).
     */
    public static final List<String> WRAP_COMMANDS = List.of("htpasswd", "ldap", "alias set", "ssh-keygen", "smbclient", "lftp", "rabbitmqctl",
            "net user", "passphrase", "psk",
            // programs whose password flag is far from the join on a long line (ProgramArguments needs to see the program)
            "schtasks", "snmp", "winrs", "psexec", "xfreerdp", "wmic", "cmdkey", "ipmitool", "sqlcmd", "7z ", "unrar", "openssl", "sudo ",
            // a connection call in a stack trace: the password is its third argument, far from the wrap
            "__construct(", "_connect(");

    /** The keywords of the detector's rules (EncodedForms', DefaultValues' and SentenceValues' own lists among them), and the words a wrapped line is read with ({@link #WRAP_COMMANDS}). */
    static final Keywords RULES = of(Stream.concat(Stream.of(
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
            "\t", ",", "|", ":{\"", ": {\""), Stream.of(WRAP_COMMANDS, EncodedForms.WORDS, DefaultValues.WORDS, SentenceValues.WORDS).flatMap(List::stream)).distinct().toArray(String[]::new));

    /**
     * The words as one automaton (Aho-Corasick, made a full table): {@code step[state * 128 + c]} is the state after ASCII
     * {@code c} (lower case); {@code ends[state]} lists the words that end there, its own and those that are its suffixes.
     * One table look-up per character, whatever the words share.
     */
    private final int[] step;
    private final int[][] ends;
    private final Map<String, Integer> index = new HashMap<>();
    private final int count;

    private Keywords(String[] words) {
        int nodes = 1;
        for (String w : words) {
            nodes += w.length();
        }
        int[] child = new int[nodes * 128]; // the trie: 0 is none (the root is no one's child)
        int[] word = new int[nodes]; // a word's index + 1
        count = words.length;
        int used = 1;
        for (int k = 0; k < words.length; k++) {
            int node = 0;
            for (char c : words[k].toCharArray()) {
                if (c >= 128 || c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("keywords are lower-case ASCII: " + words[k]);
                }
                if (child[node * 128 + c] == 0) {
                    child[node * 128 + c] = used++;
                }
                node = child[node * 128 + c];
            }
            word[node] = k + 1;
            index.put(words[k], k);
        }
        step = new int[used * 128];
        ends = new int[used][];
        int[] fail = new int[used];
        int[] queue = new int[used];
        int head = 0;
        int tail = 0;
        ends[0] = new int[0];
        for (int c = 0; c < 128; c++) { // breadth first: a state's fallback is done before its children
            step[c] = child[c];
            if (child[c] != 0) {
                queue[tail++] = child[c];
            }
        }
        while (head < tail) {
            int node = queue[head++];
            int[] own = word[node] == 0 ? new int[0] : new int[] {word[node] - 1};
            int[] inherited = ends[fail[node]];
            int[] all = java.util.Arrays.copyOf(own, own.length + inherited.length);
            System.arraycopy(inherited, 0, all, own.length, inherited.length);
            ends[node] = all;
            for (int c = 0; c < 128; c++) {
                int next = child[node * 128 + c];
                if (next != 0) {
                    fail[next] = step[fail[node] * 128 + c];
                    step[node * 128 + c] = next;
                    queue[tail++] = next;
                } else {
                    step[node * 128 + c] = step[fail[node] * 128 + c];
                }
            }
        }
    }

    /** @param words lower-case ASCII */
    public static Keywords of(String... words) {
        return new Keywords(words);
    }

    /** Reads the text once, one table look-up per character. */
    public Found in(char[] t) {
        boolean[] found = new boolean[count];
        boolean[] seen = new boolean[ends.length]; // a state's words are marked the first time it is reached
        int state = 0;
        for (char c : t) {
            state = c >= 128 ? 0 : step[state * 128 + (c >= 'A' && c <= 'Z' ? c | 0x20 : c)]; // no word holds a non-ASCII character
            if (!seen[state]) {
                seen[state] = true;
                for (int w : ends[state]) {
                    found[w] = true;
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

        /** True when the text holds any of the words ({@link #has} of each). */
        public boolean hasAny(List<String> lowerWords) {
            for (String w : lowerWords) {
                if (has(w)) {
                    return true;
                }
            }
            return false;
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
