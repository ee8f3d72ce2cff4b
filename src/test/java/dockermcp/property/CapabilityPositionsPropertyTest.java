package dockermcp.property;

import static dockermcp.property.VendorTokensAndCapabilityUrlsPropertyTest.assertHidden;
import static dockermcp.property.VendorTokensAndCapabilityUrlsPropertyTest.label;
import static dockermcp.property.VendorTokensAndCapabilityUrlsPropertyTest.mixed;
import static dockermcp.property.VendorTokensAndCapabilityUrlsPropertyTest.shuffle;
import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the ninth outside test's families, by position rather than by service: a capability URL's key as the host's
 * first label, as a segment after a share, ingest or receiver word (short keys after one-letter share words), as the host
 * part of a scheme with no host, in a fragment written plain or escaped, as a UUID under a key's query name, a SIP URI's
 * password, a secret gist; provider tokens alone in log lines (Slack's client and cookie tokens, hexadecimal runs that open
 * a secret container, five groups of five letters). Every host, word, key and carrier is drawn at random. Nearby public
 * shapes stay: REST ids after collection nouns, docs anchors, release downloads, registry digests, GitHub paths, k8s API
 * paths, trace ids, public gists; and names that say session, cookie, token or agent over plain values (an enum word, a
 * cookie domain, a user agent, a token count, a camelCase flag), while random values under the same names go.
 */
class CapabilityPositionsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final String HEX = "0123456789abcdef";
    private static final int ROUNDS = 300;
    private static final String CONSONANTS = "bcdfghklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final java.util.regex.Pattern SECRET_STEMS = java.util.regex.Pattern.compile("sig|pas|key|tok|sec|aut|pin|otp|cred|salt|seed|cod|hash|ses");

    // ---- capability URLs

    @Test
    void aKeyAsTheHostsFirstLabelOrAsAKeylessSchemesHostIsHidden() {
        Gen g = new Gen(1001);
        for (int i = 0; i < ROUNDS; i++) {
            String key = switch (g.between(0, 2)) {
                case 0 -> uuid(g);
                case 1 -> hexKey(g, g.pick(20, 32, 40, 48));
                default -> mixed(g, g.between(20, 40));
            };
            String url = g.bool() ? "https://" + key + "." + word(g) + "." + g.pick("io", "app", "com", "net", "cloud") + g.pick("", "/", "/" + word(g))
                    : word(g) + "://" + key + g.pick("", "/", "/" + word(g), "/?priority=" + g.between(0, 2));
            assertHiddenInEveryCarrier(g, url, key);
        }
    }

    @Test
    void anEncodedProxyLinkIsHiddenWhole() {
        Gen g = new Gen(1002);
        for (int i = 0; i < ROUNDS; i++) {
            String json = "{\"v\": \"2\", \"ps\": \"" + word(g) + "\", \"add\": \"" + host(g) + "\", \"port\": \"" + g.between(1, 65535) + "\", \"id\": \""
                    + uuid(g) + "\", \"aid\": \"0\", \"net\": \"" + g.pick("tcp", "ws", "grpc") + "\"}";
            String plain = g.bool() ? json : host(g) + ":" + g.between(1, 65535) + ":origin:aes-256-cfb:plain:" + mixed(g, g.between(12, 24));
            String body = (g.bool() ? Base64.getEncoder() : Base64.getUrlEncoder().withoutPadding()).encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            String link = g.pick("vmess", "ssr", "ss", "trojan-go", word(g)) + "://" + body;
            assertHiddenInEveryCarrier(g, link, body);
        }
    }

    @Test
    void aKeyAfterAShareIngestOrReceiverWordIsHidden() {
        Gen g = new Gen(1003);
        for (int i = 0; i < ROUNDS; i++) {
            String word = g.pick("inputs", "receiver", "snapshot", "reporting", "permalink", "publish", "share", "shared", "feed", "private",
                    "public", "web_requests", "public-calendars", "shared-" + word(g), "s", "d", "p", "t", "events", "ingest", "collector",
                    "setup-password", "reset-password", "invitation", "activate", "reschedulings");
            boolean ingest = word.equals("events") || word.equals("ingest") || word.equals("collector");
            boolean letter = word.length() == 1;
            String key = switch (g.between(0, ingest ? 1 : letter ? 4 : 3)) {
                case 0 -> mixed(g, g.between(20, 200)); // grafana snapshots, Sumo Logic receivers (base64url, padded below), Huginn web requests
                case 1 -> lowerAndDigits(g, g.between(24, 50)); // iLert event keys, one-time secret links
                case 2 -> uuid(g); // Loggly inputs, Looker Studio reports
                case 3 -> mixed(g, g.between(16, 24));
                default -> bothCases(g, g.between(10, 15)); // Yandex d/<14>, Superset p/<11>
            };
            String before = g.pick("", "api/v1/", word(g) + "/", word(g) + "/" + g.between(1, 99) + "/", "remote.php/dav/", "superset/" + word(g) + "/");
            String after = g.pick("", "/", "/tag/http/", "/page/p_" + word(g), ".rss", ".ics", "?export", "/" + word(g));
            String padding = key.length() >= 20 && key.chars().anyMatch(Character::isUpperCase) && !after.startsWith(".") ? g.pick("", "", "=", "==") : "";
            String url = "https://" + host(g) + "/" + before + word + "/" + key + padding + after;
            assertHiddenInEveryCarrier(g, url, key);
        }
    }

    @Test
    void aLetterAndADashBeforeAShortKeyAfterTheHostIsHidden() {
        Gen g = new Gen(1004);
        for (int i = 0; i < ROUNDS; i++) {
            String key = bothCases(g, g.between(10, 16));
            String url = "https://" + g.string(Gen.LOWER, 2, 3) + "." + g.pick("tl", "io", "me", "to") + "/" + g.string(Gen.LOWER, 1, 1) + "-" + key;
            assertHiddenInEveryCarrier(g, url, key);
        }
    }

    @Test
    void aKeyInAFragmentPlainOrEscapedIsHidden() {
        Gen g = new Gen(1005);
        for (int i = 0; i < ROUNDS; i++) {
            String key = g.bool() ? bothCases(g, g.between(10, 16)) : mixed(g, g.between(16, 43));
            String url = switch (g.between(0, 2)) {
                case 0 -> "https://" + host(g) + "/" + word(g) + "/" + g.string(Gen.UPPER + Gen.DIGITS, 10, 10) + "#" + key;
                case 1 -> "https://" + host(g) + "/#/" + g.pick("d", "f", word(g)) + "/" + uuid(g) + "%23" + key;
                default -> "https://" + host(g) + "/" + word(g) + "/" + uuid(g) + "%23" + key;
            };
            assertHiddenInEveryCarrier(g, url, key);
        }
    }

    @Test
    void aTokenUnderADelegationOrSignatureQueryNameIsHidden() {
        Gen g = new Gen(1011);
        for (int i = 0; i < ROUNDS; i++) {
            String key = mixed(g, g.between(16, 40)) + g.pick("", "_" + bothCases(g, 10));
            String url = g.pick("webhdfs", "https", "swebhdfs") + "://" + host(g) + ":9870/" + word(g) + "/" + word(g) + "?" + (g.bool() ? "op=OPEN&" : "")
                    + g.pick("delegation", "delegation_token", "sig", "access_token") + "=" + key + (g.bool() ? "&user.name=" + word(g) : "");
            assertHiddenInEveryCarrier(g, url, key);
        }
    }

    @Test
    void aUuidOrBase64UnderAKeysQueryNameIsHidden() {
        Gen g = new Gen(1006);
        for (int i = 0; i < ROUNDS; i++) {
            String key = g.bool() ? uuid(g)
                    : Base64.getEncoder().encodeToString(("{\"k\": \"" + uuid(g) + "\", \"t\": \"" + uuid(g) + "\", \"c\": " + g.between(1, 9) + "}")
                            .getBytes(StandardCharsets.UTF_8));
            String name = key.length() == 36 ? g.pick("t", "k", "token", "key", "apikey", "secret") : g.pick("r", "k", "t", "s");
            String url = "https://" + host(g) + "/" + word(g) + "/" + word(g) + g.pick(".html", "", ".ics") + "?" + (g.bool() ? "lang=en&" : "") + name + "=" + key;
            assertHiddenInEveryCarrier(g, url, key.replaceAll("=+$", ""));
        }
    }

    @Test
    void aSipUrisPasswordAndASecretGistAreHidden() {
        Gen g = new Gen(1007);
        for (int i = 0; i < ROUNDS; i++) {
            String password = shuffle(g, new StringBuilder(mixed(g, g.between(10, 20)) + g.pick("~", "!", "", "_")));
            String sip = g.pick("sip", "sips", "SIP") + ":" + word(g) + g.between(0, 999) + ":" + password + "@" + host(g) + g.pick("", ";transport=tls", ":5061");
            assertHiddenInEveryCarrier(g, sip, password);
            String gist = g.string(HEX, 32, 32);
            assertHiddenInEveryCarrier(g, "https://gist.github.com/" + word(g) + g.between(0, 999) + "/" + gist + g.pick("", "/raw", ".js"), gist);
        }
    }

    // ---- provider tokens alone in log lines

    @Test
    void slackClientTokensHexContainersAndGroupsOfFiveLettersAreHidden() {
        Gen g = new Gen(1008);
        for (int i = 0; i < ROUNDS; i++) {
            String token = switch (g.between(0, 4)) {
                case 0 -> g.pick("xoxc-", "xoxd-") + g.string(Gen.DIGITS, 10, 13) + "-" + g.string(Gen.DIGITS, 10, 13) + "-" + g.string(Gen.DIGITS, 10, 13)
                        + "-" + g.string(HEX, 64, 64);
                case 1 -> macaroonHex(g);
                case 2 -> "308" + g.pick("2" + g.string(HEX, 4, 4), "1" + g.string(HEX, 2, 2)) + "02010" + g.pick("0", "1") + g.string(HEX, 60, 400);
                case 3 -> toHex(g.pick("-----BEGIN PRIVATE KEY-----\n", "openssh-key-v1\0", "AGE-SECRET-KEY-1") + mixed(g, 40));
                default -> fiveLetterGroups(g);
            };
            String secret = token.startsWith("xox") ? token.substring(token.length() - 64) : token;
            assertHiddenInEveryCarrier(g, token, secret);
        }
    }

    // ---- what stays

    @Test
    void publicAddressesNearTheseShapesStay() {
        Gen g = new Gen(1009);
        for (int i = 0; i < ROUNDS; i++) {
            String id = switch (g.between(0, 3)) {
                case 0 -> uuid(g);
                case 1 -> String.valueOf(g.between(1, 9_999_999));
                case 2 -> g.string(HEX, 24, 24);
                default -> word(g) + "-" + g.between(1, 99);
            };
            String text = switch (g.between(0, 10)) {
                case 0 -> "https://" + host(g) + "/api/v" + g.between(1, 3) + "/" + g.pick("orders", "users", "items", "invoices", "projects", "events", "customers")
                        + "/" + id + g.pick("", "/" + g.pick("items", "lines", "status"));
                case 1 -> "https://docs." + host(g) + "/" + word(g) + "/" + word(g) + "-" + word(g) + "#" + g.pick(word(g) + "-" + word(g),
                        "tag/" + cap(word(g)) + "/operation/" + cap(word(g)) + cap(word(g)), word(g) + "-" + g.between(1, 9));
                case 2 -> "https://github.com/" + word(g) + "/" + word(g) + "/releases/download/v" + g.between(0, 9) + "." + g.between(0, 30) + "." + g.between(0, 9)
                        + "/" + word(g) + "-" + g.pick("linux", "darwin") + "-" + g.pick("amd64", "arm64") + ".tar.gz";
                case 3 -> "https://github.com/" + word(g) + "/" + word(g) + "/" + g.pick("commit/", "blob/", "tree/") + g.string(HEX, 40, 40)
                        + g.pick("", "/" + word(g) + "/" + word(g) + ".go");
                case 4 -> g.pick("ghcr.io", "quay.io", "registry." + host(g)) + "/" + word(g) + "/" + word(g) + "@sha256:" + g.string(HEX, 64, 64);
                case 5 -> "https://registry." + host(g) + "/v2/" + word(g) + "/" + word(g) + "/manifests/sha256:" + g.string(HEX, 64, 64);
                case 6 -> "GET " + g.pick("", "https://kubernetes.default.svc") + "/api/v1/namespaces/" + word(g) + "/pods/" + word(g) + "-"
                        + g.string("bcdfghjklmnpqrstvwxz2456789", 10, 10) + "-" + g.string("bcdfghjklmnpqrstvwxz2456789", 5, 5);
                case 7 -> "traceparent: 00-" + g.string(HEX, 32, 32) + "-" + g.string(HEX, 16, 16) + "-01";
                case 8 -> "https://gist.github.com/" + word(g) + "/" + g.string(HEX, 20, 20);
                case 9 -> "https://grafana." + host(g) + "/d/" + g.string(Gen.ALNUM, 8, 9) + "/" + word(g) + "-" + word(g) + "?orgId=" + g.between(1, 9);
                default -> "https://" + host(g) + "/" + word(g) + "/" + word(g) + "-" + g.between(2019, 2026) + "-" + g.between(10, 12) + ".html";
            };
            String line = g.pick("fetching %s", "GET %s -> 200", "%s", "see %s for details", "redirect to %s (302)").formatted(text);
            assertThat(REDACTOR.lines(List.of(line))).as(line).containsExactly(line);
            String env = g.pick("DOCS_URL", "RELEASE_URL", "UPSTREAM", "IMAGE_REF", "LINK") + "=" + text.replaceFirst("^(?:GET |traceparent: )", "");
            assertThat(REDACTOR.envEntry(env)).as(env).isEqualTo(env);
        }
    }

    @Test
    void plainValuesUnderSessionCookieTokenAndAgentNamesStayAndRandomOnesGo() {
        Gen g = new Gen(1010);
        for (int i = 0; i < ROUNDS; i++) {
            String name;
            String value;
            switch (g.between(0, 2)) {
                case 0 -> {
                    name = g.pick("SESSION_AFFINITY", "SERVICE_SESSION_AFFINITY", "SESSION_STICKY", "COOKIE_SAMESITE", "SESSION_PERSISTENCE");
                    value = g.pick("ClientIP", "None", "RoundRobin", "SourceIP", "Cookie", cap(word(g)) + cap(word(g)), cap(word(g)) + "IP");
                }
                case 1 -> {
                    name = g.pick("COOKIE_DOMAIN", "SESSION_COOKIE_DOMAIN", "CSRF_COOKIE_DOMAIN", "AUTH_COOKIE_DOMAIN");
                    value = "." + host(g);
                }
                default -> {
                    name = g.pick("AZURE_HTTP_USER_AGENT", "HTTP_USER_AGENT", "SCRAPER_USER_AGENT", "CLIENT_UA");
                    value = g.pick(g.string(Gen.UPPER, 3, 5) + "_" + g.string(HEX, 8, 8) + "_" + word(g) + "_" + g.between(1, 9) + "_" + g.between(0, 9),
                            cap(word(g)) + "/" + g.between(1, 9) + "." + g.between(0, 9) + " (" + word(g) + "; " + word(g) + " " + g.between(1, 20) + ")");
                }
            }
            assertThat(REDACTOR.envEntry(name + "=" + value)).isEqualTo(name + "=" + value);
            String random = mixed(g, g.between(20, 40));
            assertThat(REDACTOR.envEntry(name + "=" + random)).isEqualTo(name + "=[REDACTED]");
        }
    }

    @Test
    void tokenCountsInLogLinesAndCamelCaseFlagsStayAndRandomValuesThereGo() {
        Gen g = new Gen(1011);
        for (int i = 0; i < ROUNDS; i++) {
            String in = g.pick("tokens_in", "input_tokens", "prompt_tokens", "tokensIn", "tokens.in");
            String out = g.pick("tokens_out", "output_tokens", "completion_tokens", "tokensOut", "tokens.out");
            String line = "level=info msg=\"" + word(g) + " " + word(g) + "\" duration_ms=" + g.between(1, 999) + " " + in + "=" + g.between(0, 99999) + " "
                    + out + "=" + g.between(0, 99999) + " max_tokens=" + g.pick(1024, 4096, 8192);
            assertThat(REDACTOR.lines(List.of(line))).as(line).containsExactly(line);
            String random = mixed(g, g.between(20, 32));
            assertHidden("level=info msg=\"" + word(g) + "\" " + in + "=" + random, random);

            String flag = "--" + word(g) + cap(word(g)) + g.pick("Size", "Key", "Keys", "Token", "Cache")
                    + g.pick("Size", "SizeGB", "MB", "Bytes", "Count");
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.putArray("cmd").add(word(g)).add("--" + word(g)).add(flag).add(g.pick("1.5", "2", "64", "true"));
            String before = tree.toString();
            assertThat(REDACTOR.tree(tree).toString()).as(before).isEqualTo(before);
        }
    }

    // ---- generators

    private static void assertHiddenInEveryCarrier(Gen g, String value, String secret) {
        String line = g.pick("notifier: delivering to %s", "POST %s -> 202 (" + g.between(1, 99) + "ms)", "proxy chain: %s", "apprise: added %s",
                "%s", "opening share %s", "[" + word(g) + "] target=%s", "heartbeat sent to %s").formatted(value);
        assertHidden(line, secret);
        String neutral = g.pick("NOTIFY_TARGET", "UPLINK", word(g).toUpperCase() + "_URL", "FEED", "CALLBACK");
        assertHidden(REDACTOR.envEntry(neutral + "=" + value), secret);
        assertHidden(REDACTOR.envEntry(g.pick("WEBHOOK_SECRET", "SHARE_TOKEN", "API_KEY") + "=" + value), secret);
        assertHidden(label("com." + word(g) + ".endpoint." + word(g), value), secret);
    }

    /** A pronounceable word: consonants and vowels in turn, as a host's or a path's words are; none that holds a secret's word (tuzesiga: sig). */
    private static String word(Gen g) {
        String w;
        do {
            StringBuilder sb = new StringBuilder();
            int n = g.between(2, 4);
            for (int i = 0; i < n; i++) {
                sb.append(g.string(CONSONANTS, 1, 1)).append(g.string(VOWELS, 1, 1));
            }
            w = g.bool() ? sb.toString() : sb + g.string(CONSONANTS, 1, 1);
        } while (Redactor.isSecretName(w) || Redactor.isSecretName(w.toUpperCase()) || SECRET_STEMS.matcher(w).find());
        return w;
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String host(Gen g) {
        return g.pick("", word(g) + ".", "api.", "app.") + word(g) + "." + g.pick("io", "com", "net", "dev", "org", "cloud");
    }

    private static String uuid(Gen g) {
        String h = g.string(HEX, 32, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** Hexadecimal with letters and digits both. */
    private static String hexKey(Gen g, int len) {
        return shuffle(g, new StringBuilder(g.string("abcdef", 3, 3) + g.string(Gen.DIGITS, 3, 3) + g.string(HEX, len - 6, len - 6)));
    }

    /** Small letters and digits, a letter past 'f' and four digits at least: no hexadecimal id, no word. */
    private static String lowerAndDigits(Gen g, int len) {
        return shuffle(g, new StringBuilder(g.string("ghijklmnopqrstuvwxyz", 4, 4) + g.string(Gen.DIGITS, 5, 5)
                + g.string(Gen.LOWER + Gen.DIGITS, len - 9, len - 9)));
    }

    /** Letters in both cases and a digit or two capitals together: drawn, not written. */
    private static String bothCases(Gen g, int len) {
        return shuffle(g, new StringBuilder(g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 2, 2) + g.string(Gen.DIGITS, 1, 1)
                + g.string(Gen.ALNUM, len - 5, len - 5)));
    }

    private static String macaroonHex(Gen g) {
        String location = g.pick("lnd", "loop", "pool", word(g), host(g));
        return "0201" + String.format("%02x", location.length()) + toHex(location) + "02" + g.string(HEX, 60, 200);
    }

    private static String toHex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    /** Five groups of five letters, each group in both cases (a Nextcloud app password drawn without digits). */
    private static String fiveLetterGroups(Gen g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(i > 0 ? "-" : "").append(shuffle(g, new StringBuilder(g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 2, 2)
                    + g.string(Gen.UPPER + Gen.LOWER, 1, 1))));
        }
        return sb.toString();
    }
}
