package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the seventh outside test: provider tokens with a short prefix and a hexadecimal or base64 body (Firecrawl
 * {@code fc-}, Jenkins {@code 11<32 hex>}, Exoscale {@code EXO…}, Checkly {@code cu_}, YouTrack {@code perm:}, Tor onion
 * service keys), a 64-byte base64 key alone in a log line, a Perl DBI call inside shell quoting, a Markdown table
 * printed through a logger, and credential files (CouchDB {@code [admins]}, Jetty realm.properties, chrony keys). Each
 * family: random instances in the surroundings a real program prints, and harmless look-alikes that must stay.
 */
class ShortPrefixTokensAndCredentialFilesPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final String HEX = "0123456789abcdef";
    private static final String ALNUM = Gen.ALNUM;
    private static final int ROUNDS = 150;

    @Test
    void aShortPrefixProviderTokenIsHiddenInALogLineWithNoKeyword() {
        Gen g = new Gen(701);
        for (int i = 0; i < ROUNDS * 2; i++) {
            String token = switch (g.between(0, 6)) {
                case 0 -> "fc-" + g.string(HEX, 32, 32);
                case 1 -> "fhb-" + g.string(HEX, 32, 32);
                case 2 -> "11" + g.string(HEX, 32, 32); // a Jenkins API token
                case 3 -> "EXO" + g.string(HEX, 24, 24);
                case 4 -> "cu_" + g.string(HEX, 32, 32);
                case 5 -> "perm" + g.pick(":", "-") + g.base64(g.between(4, 12)) + "." + g.base64(g.between(3, 8)) + "." + g.string(ALNUM, 30, 30);
                default -> "ED25519-V3:" + g.base64(64);
            };
            String line = g.pick("2026-11-30T10:0%d:12Z INFO client ready (%s)", "[worker-%d] loaded %s", "build #%d triggered by admin:%s",
                    "+ java -jar jenkins-cli.jar -s https://ci.example.com/ -auth ops%d:%s build deploy", "%d | using %s", "Service %d key: %s",
                    "250-PrivateKey=%2$s", "HiddenServiceDir /var/lib/tor/hs%d\nHiddenServicePort 80 %2$s").formatted(g.between(0, 9), token);
            assertHidden(line, token.substring(token.length() - 24));
            String name = g.pick("UPSTREAM_1", "SCRAPER_CFG", "com.example.client");
            assertThat(REDACTOR.envEntry(name + "=" + token)).isEqualTo(name + "=[REDACTED]"); // under a neutral name too
        }
    }

    /**
     * Keys by their structure alone: a Ghost Admin API key (24-hex id ':' 64-hex secret), a Cloudflare global key (37 hex),
     * an LWA client secret, a Riot {@code RGAPI-} key, a PagerDuty {@code u+} token; and public values of the same shapes.
     */
    @Test
    void aHexKeyByItsStructureIsHiddenInALogLineWithNoKeyword() {
        Gen g = new Gen(705);
        for (int i = 0; i < ROUNDS * 2; i++) {
            String token = switch (g.between(0, 4)) {
                case 0 -> g.string(HEX, 24, 24) + ":" + g.string(HEX, 64, 64);
                case 1 -> g.string("abcdef", 3, 3) + g.string("0123456789", 3, 3) + g.string(HEX, 31, 31); // letters and digits both
                case 2 -> "RGAPI-" + java.util.UUID.nameUUIDFromBytes(g.string(ALNUM, 8, 8).getBytes()); // a Riot Games key
                case 3 -> "u+" + g.string(ALNUM + "-_", 18, 18); // a PagerDuty user token
                default -> "amzn1.oa2-cs.v1." + g.string(HEX, 64, 64);
            };
            String line = g.pick("loaded: %s", "[auth] %s", "%s", "using %s for the admin API", "client %s ready").formatted(token);
            assertHidden(line, token.substring(Math.max(2, token.length() - 24)));
        }
        for (int i = 0; i < ROUNDS; i++) { // what stays: ids and digests of even lengths, a 24-hex id before a word
            for (String line : List.of("object " + g.string(HEX, 24, 24) + ":shard-" + g.between(0, 9), "commit " + g.string(HEX, 38, 38),
                    "layer " + g.string(HEX, 36, 36) + " pulled", "span " + g.string(HEX, 24, 24) + ":" + g.string(HEX, 16, 16),
                    // public: an OpenPGP key id after "key" (gpg, apt), a host key's fingerprint as ssh-keygen prints it
                    "Verified signature from key A7" + g.string("0123456789ABCDEF", 14, 14) + " (Release <r@example.net>)")) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
            // the fingerprint stays; the word SHA256 before it is sometimes taken when the base64 spells a rot13 keyword (SECURITY.md)
            String fingerprint = g.string(ALNUM + "+/", 43, 43);
            assertThat(REDACTOR.lines(List.of("ssh-keygen: generated host key /etc/ssh/ssh_host_ed25519_key: SHA256:" + fingerprint + " root@web")).get(0))
                    .contains(fingerprint);
        }
    }

    @Test
    void aTorOnionServiceSecretKeyFileIsHidden() {
        Gen g = new Gen(702);
        for (int i = 0; i < ROUNDS; i++) {
            String key = g.string(ALNUM + "+/", 64, 64);
            String text = g.pick("== ed25519v1-secret: type0 ==\u0000\u0000\u0000" + key, "$ cat hs_ed25519_secret_key\n== ed25519v1-secret: type0 ==" + key);
            assertThat(String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))))).as(text).doesNotContain(key.substring(8, 24));
        }
    }

    @Test
    void aNumberOrAHexIdNextToThosePrefixesStays() {
        Gen g = new Gen(703);
        for (int i = 0; i < ROUNDS; i++) {
            for (String line : List.of("processed 11" + g.string("0123456789", 6, 10) + " bytes", "commit " + g.string(HEX, 40, 40),
                    "trace " + g.string(HEX, 32, 32) + " ok", "request req-" + g.string(HEX, 32, 32) + " done", "EXO" + g.pick("TIC", "DUS") + " loaded", "cu_ms=" + g.between(1, 900),
                    "perm: denied for user bob", "fc-" + g.pick("main", "worker", "02") + " started")) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
        }
    }

    @Test
    void aKeyOfSixtyFourRandomBytesInBase64IsHiddenAloneInALogLine() {
        Gen g = new Gen(704);
        for (int i = 0; i < ROUNDS; i++) {
            String key = g.base64(64);
            String line = g.pick("%s", "  %s", "[storage] %s", "2026-11-30 10:00:01 %s", "init: %s (primary)", "\"%s\"").formatted(key);
            assertHidden(line, key);
        }
    }

    @Test
    void aPerlDbiConnectInsideShellQuotingHidesThePassword() {
        Gen g = new Gen(705);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String call = "DBI->connect(%1$s" + g.pick("dbi:Pg:dbname=app;host=db", "dbi:mysql:database=shop", "DBI:Oracle:orcl") + "%1$s, %1$sapp%1$s, %1$s" + pw + "%1$s)";
            String script = g.pick("perl -MDBI -e '" + call.formatted("\"") + "' && run", "perl -e \"" + call.formatted("\\\"") + "\"",
                    "perl -e \"" + call.formatted("'") + "\"");
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.putArray("cmd").add("sh").add("-c").add(script);
            o.put("createdBy", "/bin/sh -c " + script);
            REDACTOR.tree(o);
            assertThat(o.toString()).as(script).doesNotContain(pw.substring(0, 8)).doesNotContain(pw.substring(6));
        }
    }

    @Test
    void aMarkdownTablePrintedThroughALoggerHidesItsSecretColumn() {
        Gen g = new Gen(706);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String prefix = g.pick("2026-11-30 10:00:0%d INFO ", "[seed-%d] ", "app-%d  | ", "I1130 10:00:0%d.123 main] ").formatted(g.between(0, 9));
            String column = g.pick("password", "Password", "token", "api_key", "secret");
            List<String> lines = List.of(prefix + "| user | " + column + " | role |", prefix + "|------|------|------|",
                    prefix + "| alice | " + g.pick("walnut", "Maple-" + g.between(10, 99)) + " | admin |", prefix + "| bob | " + pw + " | dev |");
            assertThat(String.join("\n", REDACTOR.lines(lines))).as(lines.toString()).doesNotContain(pw.substring(0, 8));
        }
        List<String> harmless = List.of("2026-11-30 INFO | user | role | region |", "2026-11-30 INFO |------|------|------|",
                "2026-11-30 INFO | alice | admin | eu-west-1 |", "2026-11-30 INFO | bob | dev | us-east-2 |");
        assertThat(REDACTOR.lines(harmless)).isEqualTo(harmless);
    }

    @Test
    void credentialFilesOfCouchdbJettyAndChronyAreHidden() {
        Gen g = new Gen(707);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String hex = g.string(HEX, 40, 40);
            String secret;
            List<String> lines;
            switch (g.between(0, 4)) {
                case 0 -> {
                    secret = pw;
                    lines = List.of("[couchdb]", "uuid = " + g.string(HEX, 32, 32), "", "[admins]", g.pick("admin", "ops", "root") + g.pick(" = ", "=") + pw);
                }
                case 1 -> {
                    secret = hex;
                    lines = List.of("[admins]", "admin = -pbkdf2-" + hex + "," + g.string(HEX, 32, 32) + ",10");
                }
                case 2 -> {
                    secret = pw;
                    lines = List.of("# realm.properties", g.pick("admin", "jetty", "deployer") + ": " + pw + ", " + g.pick("admin", "server-administrator,content-administrator", "user"));
                }
                case 3 -> {
                    secret = g.pick("OBF:", "MD5:", "CRYPT:") + hex;
                    lines = List.of("jetty: " + secret + ",user");
                }
                default -> {
                    secret = g.bool() ? hex.toUpperCase(java.util.Locale.ROOT) : pw;
                    String form = secret.equals(pw) ? "ASCII:" : "HEX:";
                    lines = List.of("# chrony.keys", g.between(1, 99) + " " + g.pick("MD5", "SHA1", "SHA256", "SHA512", "AES128") + " " + form + secret);
                }
            }
            assertThat(String.join("\n", REDACTOR.lines(lines))).as(lines.toString()).doesNotContain(secret.substring(secret.length() - 8));
        }
        List<String> harmless = List.of("[couchdb]", "single_node = true", "[chttpd]", "port = 5984", "bind_address = 0.0.0.0",
                "Accept: text/html, application/xhtml+xml", "Cache-Control: no-cache, no-store", "tags: web, api, v2", "1 SHA1 chunks verified");
        assertThat(REDACTOR.lines(harmless)).isEqualTo(harmless);
    }

    private static void assertHidden(String text, String secret) {
        String out = String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))));
        for (int at = 0; at + 8 <= secret.length(); at += 4) {
            assertThat(out).as(text).doesNotContain(secret.substring(at, at + 8));
        }
    }


    /** A human password: capitals, small letters, digits, maybe a symbol. */
    private static String password(Gen g) {
        return g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 4, 4) + g.string(Gen.DIGITS, 2, 2) + g.pick("", "!", "#", "_") + g.string(ALNUM, 4, 4);
    }
}
