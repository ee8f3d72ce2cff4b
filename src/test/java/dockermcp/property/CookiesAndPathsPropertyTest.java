package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the third outside test: a cookie header is judged cookie by cookie (a session cookie or a random value goes,
 * {@code theme=dark} and the attributes stay); a path segment holding a secret word and a generated part goes
 * ({@code WORKDIR /srv/token-…}), ordinary paths stay; {@code seed phrase: not set} stays whole. A password in a query beside
 * its user's name ({@code ?u=admin&p=…}) goes; page numbers and time stamps under the same short names stay.
 */
class CookiesAndPathsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final List<String> ATTRIBUTES = List.of("Path=/", "Path=/app", "SameSite=Lax", "SameSite=Strict", "Secure", "HttpOnly",
            "Domain=example.com", "Max-Age=3600", "Expires=Wed, 21 Oct 2026 07:28:00 GMT");

    /** An account's mail address and its API token written as a basic-auth pair ({@code ops@acme.io:ATCTT3x…}), wherever it stands. */
    @Test
    void aTokenAfterAMailAddressAndAColonGoes() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 200; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            String token = parts.pick("ATATT3x", "ATCTT3x", "", "tok_") + parts.chars(SecretCorpus.ALNUM, 20 + seed % 20);
            String mail = parts.pick("ops", "ci-bot", "jane.doe", "svc+jira") + "@" + parts.pick("acme.io", "example.org", "corp.acme.co.uk");
            String line = parts.pick("[", "auth ", "curl -u ", "using ", "") + mail + ":" + token + parts.pick("] sdk initialised", " https://acme.atlassian.net", "", " ok");
            if (REDACTOR.text(line).contains(token.substring(token.length() - 8))) {
                leaked.add(line);
            }
        }
        assertThat(leaked).isEmpty();
        for (String harmless : List.of("mailto:ops@acme.io:8080", "user ops@acme.io:2026-11-30T10:00:00Z logged in", "ops@acme.io:refs/heads/main",
                "git@github.com:acme/orders-service.git", "ops@acme.io:inventory-api-6d4f9b7c8-x2kqp", "alice@example.org:Maintainer")) {
            assertThat(REDACTOR.text(harmless)).as(harmless).isEqualTo(harmless);
        }
    }

    /** A password in a query beside its user's name ({@code ?u=admin&p=…}: Subsonic, routers, camera CGIs), or its salted hash beside the salt. */
    @Test
    void aPasswordOrItsSaltedHashInAQueryThatNamesTheUserGoes() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            String human = java.net.URLEncoder.encode(parts.password(), java.nio.charset.StandardCharsets.UTF_8); // as a URL carries it: %23 for '#'
            String x = parts.pick(human, parts.chars(SecretCorpus.ALNUM, 10 + seed % 14), "enc:" + parts.chars("0123456789abcdef", 24));
            String user = parts.pick("u", "user", "username", "login", "usr") + "=" + parts.pick("admin", "alice", "svc", "cam01");
            String pass = parts.pick("p", "pw", "pass") + "=" + x;
            String other = parts.pick("v=1.16.1", "c=app", "f=json", "format=xml", "action=login", "page=1");
            List<String> params = new ArrayList<>(List.of(user, pass, other));
            java.util.Collections.shuffle(params, new Random(seed));
            String url = parts.pick("GET /rest/ping.view", "https://music.acme.io/rest/stream.view", "http://192.168.1.20/cgi-bin/snapshot.cgi",
                    "GET /api/login", "http://router.local/login.cgi") + "?" + String.join("&", params);
            String line = parts.pick("", "2026-11-30T10:00:01Z INFO ", "10.0.0.4 - - [30/Nov/2026:10:00:01 +0000] \"") + url + parts.pick("", " HTTP/1.1", " 200 14ms");
            String shown = REDACTOR.lines(List.of(line)).get(0);
            if (shown.contains(x.length() > 12 ? x.substring(x.length() - 8) : x)) {
                leaked.add(line + " -> " + shown);
            }
            String salt = parts.chars("0123456789abcdef", 6);
            String token = parts.chars("0123456789abcdef", 32);
            String subsonic = "GET /rest/getArtists.view?" + user + "&t=" + token + "&s=" + salt + "&v=1.16.1&c=app";
            if (REDACTOR.text(subsonic).contains(token.substring(0, 8))) {
                leaked.add(subsonic);
            }
        }
        assertThat(leaked).isEmpty();
        for (String harmless : List.of("GET /forum/thread?p=2&user=alice", "https://shop.acme.io/search?q=shoes&p=3&u=eur", "GET /feed?t=1764500000&u=alice",
                "GET /api/items?page=2&p=14&user=svc", "https://docs.acme.io/guide?p=install&t=linux", "GET /static/app.js?v=3&t=1764500000")) {
            assertThat(REDACTOR.text(harmless)).as(harmless).isEqualTo(harmless);
        }
    }

    @Test
    void sessionCookiesAndRandomValuesGoAndAttributesStay() {
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (int i = 0; i < 20; i++) {
                String name = parts.pick(List.of("session", "sid", "JSESSIONID", "PHPSESSID", "auth_token", "sessionid", "remember_me", "prefs"));
                String value = parts.chars(SecretCorpus.ALNUM, 16 + r.nextInt(16));
                String attrs = attributes(parts, r);
                String header = parts.pick(List.of("Set-Cookie", "set-cookie", "Cookie")) + ": " + name + "=" + value + attrs;
                String shown = REDACTOR.text(header);
                assertThat(shown).as(header).doesNotContain(value);
                assertThat(shown).as(header).endsWith(attrs);
            }
        }
    }

    @Test
    void harmlessCookiesStayWhole() {
        List<String> changed = new ArrayList<>();
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (int i = 0; i < 20; i++) {
                String cookie = parts.pick(List.of("theme", "lang", "tz", "consent", "layout")) + "="
                        + parts.pick(List.of("dark", "light", "en-US", "de-DE", "utc", "accepted", "compact", "1", "0"));
                String header = parts.pick(List.of("Set-Cookie", "Cookie")) + ": " + cookie + attributes(parts, r);
                if (!REDACTOR.text(header).equals(header)) {
                    changed.add(header + " -> " + REDACTOR.text(header));
                }
            }
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void aPathSegmentWithASecretWordAndAGeneratedPartGoes() {
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            for (int i = 0; i < 20; i++) {
                String secret = parts.chars(SecretCorpus.LETTERS, 8) + parts.chars(SecretCorpus.DIGITS, 4) + parts.pick(List.of("+", "-", "_", ""))
                        + parts.chars(SecretCorpus.ALNUM, 4);
                String path = "/" + parts.pick(List.of("srv", "data", "opt/app", "var/lib")) + "/" + parts.pick(List.of("token", "pw", "secret", "pwd", "password"))
                        + parts.pick(List.of("-", "_")) + secret;
                for (String shown : List.of(history("WORKDIR " + path), history("VOLUME [\"" + path + "\"]"), REDACTOR.text(path))) {
                    assertThat(shown).as(path).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void ordinaryPathsAndUnsetStatesStay() {
        List<String> lines = new ArrayList<>(List.of("seed phrase: not set", "recovery phrase: not configured"));
        for (String dir : List.of("/srv/token-cache", "/data/secret-volume", "/var/lib/password-reset", "/run/secrets/db_password", "/etc/pw-policy",
                "/opt/app/token_store/v2", "/home/app/.ssh", "/data/db2024")) {
            lines.add("WORKDIR " + dir);
        }
        for (String line : lines) {
            assertThat(REDACTOR.text(line)).isEqualTo(line);
        }
        assertThat(history("WORKDIR /srv/token-cache")).isEqualTo("WORKDIR /srv/token-cache");
    }

    private static String attributes(SecretCorpus parts, Random r) {
        StringBuilder sb = new StringBuilder();
        for (int k = r.nextInt(4); k > 0; k--) {
            sb.append("; ").append(parts.pick(ATTRIBUTES));
        }
        return sb.toString();
    }

    private static String history(String createdBy) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("createdBy", createdBy);
        return REDACTOR.tree(o).get("createdBy").asString();
    }
}
