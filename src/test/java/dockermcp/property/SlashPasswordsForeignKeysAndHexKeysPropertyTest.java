package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the ninth outside test's first findings, as families of random instances: a URL whose password holds a '/'
 * (base64-style: {@code postgresql://u:ak11/5bTn/g@db}) in env, labels and logs; a name that says key or secret in another
 * language ({@code NOEGLE}, {@code SLEUTEL_API}, {@code LLAVE_PRIVADA}) or names a seed or verifier, in env and in
 * {@code ENV NAME value} / {@code set NAME=value} log lines; a key in hexadecimal after its word ({@code unwrapped DEK: <hex>},
 * {@code hmac <hex>}, a TLS key log's {@code CLIENT_TRAFFIC_SECRET_0 <random> <secret>}). Harmless neighbours stay: ports
 * and paths, an '@' in a path, ids, commits, digests, trace ids, public and host keys in hexadecimal.
 */
class SlashPasswordsForeignKeysAndHexKeysPropertyTest {

    private static final Redactor R = new Redactor();

    private static String env(String name, String value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putArray("env").add(name + "=" + value);
        o.putObject("labels").put("com.acme." + name.toLowerCase(java.util.Locale.ROOT), value);
        return R.tree(o).toString();
    }

    private static void leak(String planted, String shown, String secret, List<String> leaked) {
        for (int k = 0; k + 8 <= secret.length(); k += 2) {
            if (shown.contains(secret.substring(k, k + 8))) {
                leaked.add(planted + " -> " + shown);
                return;
            }
        }
    }

    @Test
    void aUrlPasswordWithASlashIsHiddenInEveryCarrier() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            Gen g = new Gen(seed);
            // a first part of digits alone before the '/' reads as a port (host:454/path@x is a URL too): not generated
            String pw = g.string(Gen.LOWER + Gen.UPPER, 1, 1) + g.string(Gen.ALNUM + "+", 2, 7) + "/" + g.string(Gen.ALNUM + "+/", 6, 14)
                    + g.string(Gen.ALNUM, 2, 4);
            String url = g.pick("postgresql", "mysql", "redis", "mongodb", "amqps", "https", "smtps", "clickhouse") + "://"
                    + g.pick("app", "rpt064", "default", "deploy%40acme.io") + ":" + pw + "@" + g.pick("db01.acme.io:5432/orders", "cache01:6379/2",
                    "nexus.acme.io/repository/npm/", "smtp.acme.io:465");
            leak(url, env(g.pick("DB_URL", "ORDERS_DB_URL", "CACHE_URL", "MAILER_URL"), url), pw, leaked);
            String line = g.pick("", "[hikari] pool starting for ", "datasource: ", "replication source -> ") + url + g.pick("", "?authSource=admin", " ok");
            leak(line, R.lines(List.of(line)).get(0), pw, leaked);
        }
        assertThat(leaked).isEmpty();
        for (String harmless : List.of("https://host.acme.io:8080/path/user@x.io", "https://outlook.office365.com/owa/calendar/abc@acme.io/def/calendar.ics",
                "https://git.acme.io:443/group/repo@v1.2.3", "see https://a.io/x and mailto:bob@acme.io", "http://10.0.0.5:9090/metrics/job@node")) {
            assertThat(R.lines(List.of(harmless)).get(0)).isEqualTo(harmless);
        }
    }

    @Test
    void aNameForKeyOrSecretInAnotherLanguageOrASeedHidesItsValue() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            Gen g = new Gen(seed);
            String stem = g.pick("NOEGLE", "SLEUTEL", "TUNNUSSANA", "AVAIN", "PAROLI", "LLAVE", "ANAHTAR", "KLUCZ", "MAFTEACH", "SCHLUESSEL",
                    "HEMMELIG", "CHAVE", "KUNCI", "ZUGANGSCODE", "KHOA_BI_MAT", "SEED_WORDS", "WALLET_SEED", "SHAMIR_SHARE", "PKCE_VERIFIER", "CLE", "SIRR");
            String name = g.pick("", "API_", "DB_", "SMTP_") + stem + g.pick("", "_API", "_PRIVADA", "_DB");
            String value = g.pick(g.string(Gen.LOWER, 4, 7) + " " + g.string(Gen.LOWER, 4, 7) + " " + g.string(Gen.LOWER, 4, 7) + g.string(Gen.DIGITS, 2, 2),
                    g.string(Gen.UPPER, 1, 1) + g.string(Gen.LOWER, 5, 8) + g.string(Gen.DIGITS, 3, 3) + g.pick("#", "&", "$", "?"),
                    g.string(Gen.ALNUM, 14, 22));
            leak(name + "=" + value, env(name, value), value, leaked);
            if (!value.contains(" ")) {
                String line = g.pick("ENV " + name + " " + value, "set " + name + "=" + value, "export " + name + "=" + value, "[env] " + name + "=" + value);
                leak(line, R.lines(List.of(line)).get(0), value, leaked);
            }
        }
        assertThat(leaked).isEmpty();
        for (String harmless : List.of("set -e", "set -x; make build", "ENV PATH /usr/local/bin:/usr/bin", "set PORT=8080", "ENV NODE_ENV production",
                "Step 5/9 : ENV APP_HOME /srv/app", "CLEAR_CACHE=true", "RANDOM_SEED=42", "CYCLE_SECONDS=30")) {
            assertThat(R.lines(List.of(harmless)).get(0)).as(harmless).isEqualTo(harmless);
        }
    }

    @Test
    void aKeyInHexadecimalAfterItsWordIsHiddenAndIdsStay() {
        List<String> leaked = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (int seed = 0; seed < 300; seed++) {
            Gen g = new Gen(seed);
            byte[] b = new byte[g.pick(16, 32, 48)];
            new java.util.Random(seed).nextBytes(b);
            String key = hex.formatHex(b);
            String random = hex.formatHex(new byte[] {(byte) seed, 1, 2, 3}).repeat(8);
            String line = switch (g.between(0, 4)) {
                case 0 -> g.pick("kms: unwrapped DEK: ", "wrapped KEK ", "derived key ", "master_key: ") + key;
                case 1 -> "verifying payload with " + g.pick("hmac ", "HMAC: ", "cipher ") + key + g.pick("", " ok");
                case 2 -> g.pick("CLIENT_TRAFFIC_SECRET_0 ", "SERVER_HANDSHAKE_TRAFFIC_SECRET ", "EXPORTER_SECRET ") + random + " " + key;
                case 3 -> "wallet seed " + key;
                default -> g.pick("psk ", "secret: ", "app secret ") + key;
            };
            leak(line, R.lines(List.of(line)).get(0), key, leaked);
        }
        assertThat(leaked).isEmpty();
        String h = hex.formatHex(new byte[32]).replace('0', 'a').substring(0, 20) + "0123456789abcdef0123456789abcdef01234567890a";
        for (String harmless : List.of("pulled sha256:" + h, "commit " + h, "container " + h + " started", "trace_id " + h + " span ok", "image id " + h,
                "key id " + h, "ssh host key " + h, "wireguard public key " + h, "ssh host key fingerprint " + h)) {
            assertThat(R.lines(List.of(harmless)).get(0)).as(harmless).isEqualTo(harmless);
        }
    }

    /** A key's bytes written apart (cryptsetup's MK dump:, key bytes:, a key with colons) after its label go, over a wrapped row too; public and host keys' bytes stay. */
    @Test
    void aKeysSeparatedBytesAfterItsLabelAreHidden() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            Gen g = new Gen(seed);
            byte[] b = new byte[g.pick(16, 32)];
            new java.util.Random(seed).nextBytes(b);
            String sep = g.pick(" ", ":");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < b.length; i++) {
                row.append(i == 0 ? "" : sep).append(String.format("%02x", b[i] & 0xff));
            }
            String label = g.pick("MK dump:\t", "key bytes: ", "Volume key: ", "master key: ", "secret value ", "DEK dump: ");
            List<String> lines = b.length == 32 && sep.equals(" ") && g.bool()
                    ? List.of("MK bits: \t256", label + row.substring(0, 47), "\t\t" + row.substring(48)) // a dump wrapped after 16 bytes
                    : List.of(label + row);
            List<String> shown = R.lines(lines);
            for (int i = 0; i < b.length; i += 4) {
                String piece = row.substring(i * 3, Math.min(row.length(), i * 3 + 11));
                if (String.join("\n", shown).contains(piece)) {
                    leaked.add(lines + " -> " + shown);
                    break;
                }
            }
        }
        assertThat(leaked).isEmpty();
        for (String harmless : List.of("Public key bytes: 04 9b 0a f1 3b 04 49 b7 07 53 7c dd af 5e 0a 59 a7", "host key value: 66 9b 0a f1 3b 04 49 b7 07 53 7c dd af 5e 0a 59",
                "fingerprint 66:9b:0a:f1:3b:04:49:b7:07:53:7c:dd:af:5e:0a:59", "Payload dump:\t66 9b 0a f1 3b 04 49 b7 07 53 7c dd af 5e 0a 59")) {
            assertThat(R.lines(List.of(harmless)).get(0)).as(harmless).isEqualTo(harmless);
        }
    }
}
