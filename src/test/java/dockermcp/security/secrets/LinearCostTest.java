package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 §4: the detector's cost grows linearly with hostile text, shown by counting, not timing. Every
 * character the rule patterns read is counted (the input is a counting CharSequence); text four times longer may
 * cost at most about four times as much, and each character a bounded number of reads. The hand-written scanners
 * read an array, each index once forward with bounded look-backs, so the patterns are where a blow-up could hide.
 */
class LinearCostTest {

    /** A CharSequence that counts the characters read through it. */
    static final class Counting implements CharSequence {
        final String s;
        long reads;

        Counting(String s) {
            this.s = s;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    static final List<String> UNITS = List.of("ghp_", "sk-", "AKIA", "eyJ", "eyJa.", "password=", "password: ", "a://", "a://b:", ":@", "@",
            "-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\n", "Authorization: ", "Bearer ", "xoxb-", "--password ", "-p", "mysql -p",
            "=", ":", "'", "\"", "\n", "x", "a", "A", "0", "-", ".", "_", "//", "token", "secret", "key=", "aws_secret", "hooks.slack.com/services/",
            "/hooks/", "$2y$", "sig=", "AccountKey=", "0123456789abcdef", "AAAA", "q~", "-us", "t1.", "0.", "1/", "sv=2020-01-01&", "Basic ",
            "$ANSIBLE_VAULT;1.1;AES256\n", "Private-Lines: 3\n", "Zx9kQ2mP7vL4nR8t ", "api key ",
            "password 0 ", "key 7 ", "snmp-server community ", "tacacs-server host h key ", "PDO->__construct('a', ", "mysqli_connect(", "p'",
            "PasswordMessage '", "112, ", "0x70, ", "1) \"requirepass\"\n", "/a/password\n", "$4\nAUTH\n$4\n", "robot$a:", "/integration/",
            "Content-Disposition: form-data; name=\"password\"\n", "loaded: 8IRFPfF2ern1nUCa005Ltuj2CzSE", "a://u:'", "a://u:p'\"'x", " shared_key ",
            // the seventh outside test's rules: short prefixes, Tor keys, credential files, a logger's table, base64 keys
            "fc-", "11", "EXO", "perm:a.", "ED25519-V3:", "== ed25519v1-secret: type0 ==", "-pbkdf2-", "a: MD5:", "OBF:", "1 MD5 HEX:",
            "[admins]\n", "a = ", "u: Xk9, ", "INFO | a | password |\n", "| ", "DBI->connect(\\\"a\\\", ", "sha512-", "gpg: key ",
            "Eby8vdM02xNOcqFlqUwJPLlmEt+/", "ssh-ed25519 AAAA", "Added key: ssh-rsa AAAAkey/",
            // name and value lines, dumps, braced values
            "2026-11-30T10:00:01Z INFO a: password:\n", "| password |\n| ", "<key>Password</key>", "<td>password</td>\n<td>", "</a>", "=> \"",
            "00000000  50 4f 53 54 20 2f 61 70  ", "00000010: 4854 5450 ", "\t0x0030:  4175 ", "0000000   A   U", "  \\r", " 001", "Pwd={a;",
            "/\"a@", "a/\"",
            // the eighth round's rules: vendor words and bodies, keys after ids, capability URLs
            "npg_", "sk-helicone-", "kmtz665-", "zpka_0a1b", "dapi0a", "1/", ":fx ", "0a1b2c3d-", "gkz2-", "+ARm", "IGQV",
            "https://hooks.x/", "rtmp://a/live2/", "/push/", "/rest/1/", "?PK=", "&_sid=", "a://b/c/", "https://a/hooks/Ab1", "_|WARNING:-DO-NOT-SHARE-THIS.",
            // admin verbs, DSNs, method roots, credential columns, wire logins, runtime dumps
            "register a b ", "user add ", "passwd ", "p=", ",p=", "h=a,p=", ":pserver:", ":a:b:", "10.0.0.1\tXk9mP2vLqR7z\n", "createUser u SHA ",
            "$USER1$=", "\\x00", "\\x00a", "PLAIN ", "PLAIN AGFiAGM= ", "HELLO AUTH ", "\"AUTH\" ", "AUTH2 ", "PasswordMessage ", "\"-password\", \"",
            "'--secret',\n", " => ", "DB_PASSWORD => ", " Name=\"Password\">", "<Data Name=\"Password\"", "<RSAKeyValue><P>", "<InverseQ>", "<D>",
            "::add-mask::", "issecret=true", "##vso[", "01000001 ", "password bits: 01000001 ",
            // a word fed on standard input: pipes, here-strings, producers
            "| vault login ", "<<< ", "a <<< b ", "echo a | passwd", "cat <<< a | login ", "yes a |", "| x token ", "running: echo ",
            // key positions: scoped keys, ids after vendor words, glued rests, key ids and their secrets, URL positions and fragments
            "*:*.", "a:b.0a1b2c3d4e5f0a1b2c3d4e5f0a1b2c3d", "waka_", "ms-0a1b2c3d-", "0123456789|", "0123456789|0a1b2c3d", "|Xk9mP2vLqR7zAb1",
            "/Xk9mP2vLqR7zAb1", "GK0a1b2c3d4e5f0a1b2c ", "https://a/s/", "https://a/v1/", "/eth/", "/private-", "#Xk9mP2vLqR7zAb1/", "s!", "a@b/",
            "webcal://a/published/",
            // the ninth round's rules: sibling fields, unknown names, keyless encodings, lone value lines
            "cs1Label=password ", "cs1=", "#fields\tpassword\n", "a\tb\n", "s:8:\"password\";", "s:99999:\"", "S'password'\np1\n", "\"password\": {\"S\": \"",
            "{\"path\":\"/env/1/value\",", "\"path\":", "x: &a ", "  p: *a\n", "export A=", "setenv A_CODE ", "] A_CODE: ", "INFO A_PIN => ", "1 M ",
            "Key Content   : ", "[80 117 ", "[", "proctitle=6100", "6100", "/u3+7QAAAAI", "MC4CAQAw", "4) \"", "    Xk9mP2vLqR7zW4\n",
            // lookups and their fallbacks under a secret name
            "password = os.getenv(\"", "a_password=${A:-", "token: ${", "secret = f(", "pw: !secret ", "key: {{ ", " || \"", "password=((((", "password=[[[[",
            // the tenth round's rules: host labels, share and ingest words, keyless schemes, SIP passwords, escaped fragments, hex containers
            "https://0a1b2c3d4e5f0a1b2c3d.", "vmess://", "vmess://eyJ2IjogIjIiLCAicHMiOi", "a://Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv", "sip:a:",
            "sips:a:b", "sip:a:b@", "%23", "#a%23", "/inputs/", "/events/", "/p/", "/t-", "/d/Ab1Cd2Ef3Gh", "gist.github.com/a/", "?t=0a1b2c3d-",
            "?r=eyJr=", "xoxc-1-", "0201036c6e64", "30820", "308204a4020100", "iSkrm-", "--wiredTiger",
            // the tenth round's positions: credential calls, argv lists, prompts, table cells, folds, user:X@host, setup URIs
            "DbSettings(", "Xk9mP2vLqR7z!Ab1,", "user Xk9mP2vLqR7z!Ab1 ", ", --db-password, ", "-p, Xk9mP2vLqR7zAb1", "X-HM://", "x-hm://0",
            "[1.0, \"o\", \"Password: \"]\n", "a:Xk9mP2vLqR7zAb1@", "  Xk9mP2vLqR7z!Ab1", ": Xk9mP2vLqR7z!Ab1\n", "password: x\n ", "\n ",
            "KeyError: 'password'\n", "${?A} ", "passwd root\n", "\u0001Xk9\u0002mP2vLqR7z");

    private final ProviderRules rules = ProviderRules.builtIn();

    private long cost(String text) {
        Counting c = new Counting(text);
        rules.find(text.toCharArray(), c, new Spans());
        return c.reads;
    }

    @Test
    void patternCostGrowsLinearlyOnHostileText() {
        for (String a : UNITS) {
            for (String b : List.of("", "x", "ghp_", "=", " ", "-----END PRIVATE KEY-----")) {
                String unit = a + b;
                String small = unit.repeat(Math.max(1, 8192 / unit.length()));
                String large = unit.repeat(Math.max(1, 32768 / unit.length()));
                long cs = cost(small);
                long cl = cost(large);
                assertThat(cl).as("reads for %s x%d vs x%d: %d then %d", unit.strip(), small.length() / unit.length(), large.length() / unit.length(), cs, cl)
                        .isLessThanOrEqualTo(cs * 4 * 5 / 4 + 4096);
                assertThat(cl / (double) large.length()).as("reads per character for %s", unit.strip()).isLessThan(1600); // at most about one rule's reach from each keyword
            }
        }
    }

    @Test
    void theWholeDetectorTerminatesOnHostileTextOfEveryUnit() {
        SecretDetector d = new SecretDetector(List.of());
        for (String a : UNITS) {
            String text = a.repeat(Math.max(1, 100_000 / a.length()));
            assertThat(d.find(text).merged().length % 2).as(a).isZero();
        }
    }
}
