package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the seventh outside test's families: provider tokens alone (any vendor's word and a generated body, a key
 * after a UUID, hexadecimal key tuples, grouped app passwords, long OAuth tokens, Azure's signed keys), capability URLs
 * (a key as a path segment or a short query value, any service), and the spellings a secret's name is written with
 * (typos, leet, {@code *_SK}, access codes, SNMP communities), in env, labels, image history and free log lines, each with
 * random instances; and the public ids, keys and addresses of nearby shapes, which stay.
 */
class VendorTokensAndCapabilityUrlsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final String HEX = "0123456789abcdef";
    private static final String LOWER_ALNUM = Gen.LOWER + Gen.DIGITS;
    private static final int ROUNDS = 200;
    /** Words that name ids in logs (trace_, req-, price_): a vendor word drawn at random is drawn again when it is one. */
    private static final Set<String> ID_LIKE = Set.of("run", "job", "tag", "ref", "key", "sub", "row", "pod", "net", "src", "txn", "evt",
            "cus", "obj", "oid", "sid", "pid", "tid", "git", "rev", "ver", "msg", "req", "sha", "acct", "card", "hash", "user", "item", "file",
            "host", "node", "task", "span", "blob", "part", "live", "test", "snap", "prod", "order", "trace", "build", "cache", "event",
            "image", "layer", "price", "chunk", "block", "store", "nix", "promo", "plink", "seti", "corr", "digest", "commit", "record",
            "device", "backup", "volume", "release", "version", "session", "account", "message", "network", "object", "request", "snapshot",
            "instance", "container", "revision", "checksum", "correlation");

    @Test
    void aVendorWordWithAGeneratedBodyIsHiddenAloneInALogLineAndUnderANeutralName() {
        Gen g = new Gen(801);
        for (int i = 0; i < ROUNDS; i++) {
            String word = vendorWord(g);
            String sep = g.pick("_", "-");
            String body = switch (g.between(0, 4)) {
                case 0 -> mixed(g, g.between(12, 40)); // npg_…, AVNS_…
                case 1 -> g.string(HEX, 32, 32) + g.pick("", "_" + g.string(HEX, 8, 8)); // zpka_<hex>_<hex>
                case 2 -> g.string(HEX, 64, 64); // rootly_<64 hex>
                case 3 -> interleaved(g, g.between(20, 32)); // da2-0styj3tak…
                default -> pieces(g, g.between(3, 5)); // sk-helicone-kmtz665-4jecc37-…
            };
            String token = (g.percent(30) ? g.pick("sk", "pk", "rk", "api") + sep : "") + word + sep + body;
            assertHiddenEverywhere(g, token, body);
        }
    }

    @Test
    void aKeyOfAKnownStructureIsHiddenAloneInALogLineAndUnderANeutralName() {
        Gen g = new Gen(802);
        for (int i = 0; i < ROUNDS; i++) {
            String secret;
            String token = switch (g.between(0, 7)) {
                case 0 -> (secret = uuid(g)) + ":fx"; // DeepL free
                case 1 -> uuid(g) + ":" + (secret = g.string(HEX, 32, 32)); // fal.ai
                case 2 -> (secret = g.string(HEX, 32, 32)) + "-" + g.string(HEX, 8, 8) + "-" + g.string(HEX, 8, 8); // Mailgun
                case 3 -> g.between(1, 9) + "/" + (secret = hexBoth(g, 40)); // Transifex
                case 4 -> secret = grouped(g, g.pick(4, 5), g.bool()); // app passwords, stream keys
                case 5 -> (g.pick("IGQV", "BQ", "EAA", "")) + (secret = mixed(g, g.between(100, 200))); // OAuth access tokens
                case 6 -> secret = azureKey(g);
                default -> g.string(g.pick("abcdefghijklmnopqrstuvwxyz").substring(6), 3, 5) + (secret = hexBoth(g, 32)); // dapi<hex>
            };
            assertHiddenEverywhere(g, token, secret);
        }
    }

    /**
     * A vendor word, its environment and a generated body ({@code tr_prod_…}, {@code bb_live_…}), a vendor word with a digit
     * ({@code e2b_<hex>}), five groups of five with both cases (Nextcloud app passwords); Stripe object ids stay.
     */
    @Test
    void aVendorAndItsEnvironmentOrGroupsOfFiveAreHidden() {
        Gen g = new Gen(809);
        for (int i = 0; i < ROUNDS; i++) {
            String body = mixed(g, g.between(16, 30));
            String lettersOnly = body.replaceAll("[0-9]", "") + g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 2, 2);
            String secret;
            String token = switch (g.between(0, 3)) {
                case 0 -> vendorWord(g).toLowerCase(java.util.Locale.ROOT) + "_" + g.pick("prod", "live", "dev", "test") + "_"
                        + (secret = g.bool() ? body : lettersOnly.length() >= 16 ? lettersOnly : body);
                case 1 -> g.string(Gen.LOWER, 1, 1) + g.between(1, 9) + g.string(Gen.LOWER, 1, 2) + "_" + (secret = hexBoth(g, 40));
                case 2 -> secret = groupsOfFive(g);
                default -> vendorWord(g).toLowerCase(java.util.Locale.ROOT) + "_live_" + (secret = mixed(g, 12) + "_" + g.string(Gen.DIGITS, 2, 2) + "_" + mixed(g, 14));
            };
            assertHidden(g.pick("configured %s for export", "registered: %s", "loaded integration %s").formatted(token), secret);
        }
        for (String id : List.of("tr_1PqX2bLkdIwHu7ix1GfFe3Yq", "pi_3PqX2bLkdIwHu7ix1GfFe3Yq", "cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPq",
                "web_prod_deployment", "build_test_results")) {
            String line = "transfer " + id + " done";
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    private static String groupsOfFive(Gen g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            StringBuilder p = new StringBuilder(i < 2 ? g.string(Gen.UPPER, 1, 1) + g.string(Gen.LOWER, 2, 2) + g.string(Gen.DIGITS, 1, 1) + g.string(Gen.ALNUM, 1, 1)
                    : g.string(Gen.LOWER, 3, 3) + g.string(Gen.UPPER, 1, 1) + g.string(Gen.LOWER, 1, 1)); // two groups with a digit at least
            sb.append(i == 0 ? "" : "-").append(shuffle(g, p));
        }
        return sb.toString();
    }

    @Test
    void aRobloxSecurityCookieIsHiddenAfterItsWarning() {
        Gen g = new Gen(808);
        for (int i = 0; i < ROUNDS / 4; i++) {
            String key = g.string("0123456789ABCDEF", 100, 900);
            String cookie = "_|WARNING:-DO-NOT-SHARE-THIS.--Sharing-this-will-allow-someone-to-log-in-as-you-and-to-steal-your-ROBUX-and-items.|_" + key;
            assertHidden(g.pick("cookie .ROBLOSECURITY=%s", "%s", "using %s for the bot").formatted(cookie), key);
            assertThat(REDACTOR.envEntry("ROBLOX_COOKIE_" + g.between(1, 9) + "=" + cookie)).doesNotContain(key.substring(0, 8));
        }
    }

    @Test
    void aCapabilityUrlsKeyIsHiddenWhereverTheUrlStands() {
        Gen g = new Gen(803);
        for (int i = 0; i < ROUNDS; i++) {
            String key = capabilityKey(g);
            String host = g.string(Gen.LOWER, 3, 10) + "." + g.pick("com", "io", "net", "dev", "app", "cloud");
            String url = switch (g.between(0, 5)) {
                case 0 -> "https://" + g.pick("", "api.", "status.", "eu.") + host + g.pick("", "/api", "/api/v1", "/v2")
                        + "/" + g.pick("hooks", "webhook", "push", "heartbeat", "ping", "trigger", "integrations/generic", "macros/s", "checkin")
                        + "/" + key + g.pick("", "/", "/exec", "/ops", "?status=up&msg=OK", "/" + g.string(Gen.LOWER, 4, 10) + "-backup");
                case 1 -> "https://" + g.pick("hooks.", "webhook.", "push.", "hc-ping.", "ingest.", "events.") + host + "/"
                        + g.pick("", "p/", "v1/", g.string(Gen.LOWER, 3, 8) + "/") + key;
                case 2 -> g.pick("rtmp", "rtmps", "srt") + "://" + g.pick("a.rtmp.", "live.", "ingest.") + host + "/" + g.pick("live2", "app", "live") + "/" + key;
                case 3 -> "https://" + g.pick("ntfy.sh", "smee.io", "webhook.site", "nosnch.in", "cronitor.link/p", "api.pushcut.io") + "/" + key;
                case 4 -> "https://" + host + "/rest/" + g.between(1, 99) + "/" + key + "/crm." + g.string(Gen.LOWER, 3, 8) + ".json";
                default -> "https://" + host + g.pick("/", "/webapi/entry.cgi", "/api/status") + "?" + g.pick("api=x&", "version=2&", "")
                        + g.pick("PK", "_sid", "sid", "k", "key", "sig", "token", "auth") + "=" + (key = mixed(g, g.between(16, 40)))
                        + g.pick("", "&TestID=" + g.between(1, 99999), "&time=0");
            };
            String line = g.pick("heartbeat sent to %s", "streaming to %s", "POST %s -> 204", "fetching %s", "%s", "notify: url=%s ok").formatted(url);
            assertHidden(line, key);
            String name = g.pick("NOTIFY_ENDPOINT", "STATUS_URL", "EXPORT_TARGET", "REMOTE_" + g.between(1, 99), "OUTPUT");
            assertThat(REDACTOR.envEntry(name + "=" + url)).as(url).doesNotContain(key.substring(0, Math.min(8, key.length())));
            assertThat(label("io.acme.notify." + g.string(Gen.LOWER, 3, 8), url)).as(url).doesNotContain(piece(key));
        }
    }

    @Test
    void restPathsWithIdsAndPublicUrlsStay() {
        Gen g = new Gen(804);
        for (int i = 0; i < ROUNDS; i++) {
            String host = g.string(Gen.LOWER, 3, 10) + "." + g.pick("com", "io", "org");
            String url = "https://" + g.pick("", "api.", "www.") + host + switch (g.between(0, 6)) {
                case 0 -> "/api/" + g.pick("orders", "users", "invoices", "jobs") + "/" + uuid(g);
                case 1 -> "/v1/users/" + g.between(1, 99999);
                case 2 -> "/repos/" + g.string(Gen.LOWER, 3, 8) + "/" + g.string(Gen.LOWER, 3, 8) + "/commits/" + g.string(HEX, 40, 40);
                case 3 -> "/docs/" + g.string(Gen.LOWER, 3, 8) + "-" + g.string(Gen.LOWER, 3, 8) + ".html";
                case 4 -> "/releases/download/v" + g.between(1, 9) + "." + g.between(0, 20) + "." + g.between(0, 9) + "/app-linux-amd64.tar.gz";
                case 5 -> "/search?q=" + g.string(Gen.LOWER, 3, 8) + "&page=" + g.between(1, 9) + "&id=" + uuid(g);
                default -> "/repos/" + g.string(Gen.LOWER, 3, 8) + "/hooks/" + g.between(1000, 99999999);
            };
            String line = g.pick("GET %s 200", "fetching %s", "see %s for details").formatted(url);
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    @Test
    void idsAndNamesOfNearbyShapesStayInLogLines() {
        Gen g = new Gen(805);
        for (int i = 0; i < ROUNDS; i++) {
            for (String line : List.of(
                    "PaymentIntent pi_" + noKeyword(mixed(g, 24)) + " succeeded for customer cus_" + noKeyword(mixed(g, 14)),
                    "created Stripe checkout session cs_" + g.pick("test", "live") + "_" + noKeyword(mixed(g, 58)),
                    "trace_" + g.string(HEX, 32, 32) + " span " + g.string(HEX, 16, 16) + " done",
                    "request req-" + g.string(HEX, 32, 32) + " took " + g.between(1, 999) + "ms",
                    "request " + uuid(g) + ":" + g.between(1, 65535) + " accepted",
                    "traceparent 00-" + g.string(HEX, 32, 32) + "-" + g.string(HEX, 16, 16) + "-01",
                    "loaded " + g.string(Gen.LOWER, 3, 8) + "_" + g.string(Gen.LOWER, 3, 8) + "_" + g.string(Gen.LOWER, 3, 8) + ".conf",
                    "version " + g.between(1, 9) + "." + g.between(0, 30) + "." + g.between(0, 9) + "-" + g.pick("alpha", "beta", "rc") + g.between(1, 9),
                    "layer sha256:" + g.string(HEX, 64, 64) + " pulled",
                    "container " + g.string(Gen.LOWER, 4, 8) + "-" + g.string(Gen.LOWER, 4, 8) + "-" + g.between(1, 9) + " started")) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
        }
    }

    @Test
    void publicIdsKeysAndAddressesStayUnderTheirNames() {
        Gen g = new Gen(806);
        String bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        String base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        for (int i = 0; i < ROUNDS; i++) {
            byte[] wg = new byte[32];
            new java.util.Random(g.between(0, 1 << 30)).nextBytes(wg);
            for (String entry : List.of("OTEL_TRACE_PARENT=00-" + g.string(HEX, 32, 32) + "-" + g.string(HEX, 16, 16) + "-0" + g.between(0, 1),
                    "AWS_XRAY_TRACE_ID=Root=1-" + g.string(HEX, 8, 8) + "-" + g.string(HEX, 24, 24),
                    "CF_RAY=" + g.string(HEX, 16, 16) + "-" + g.pick("FRA", "AMS", "SJC", "NRT"),
                    "GO_SUM_HASH=h1:" + g.base64(32),
                    "NIX_STORE_PATH=/nix/store/" + g.string("0123456789abcdfghijklmnpqrsvwxyz", 32, 32) + "-bash-5.2p" + g.between(1, 40),
                    "AGE_RECIPIENT=age1" + g.string(bech32, 58, 58),
                    "NOSTR_NPUB=npub1" + g.string(bech32, 58, 58),
                    "BTC_DEPOSIT_ADDRESS=bc1q" + g.string(bech32, 38, 38),
                    "ETH_CONTRACT_ADDRESS=0x" + g.string(HEX + "ABCDEF", 40, 40),
                    "IPFS_CID=bafy" + g.string("abcdefghijklmnopqrstuvwxyz234567", 55, 55),
                    "LIBP2P_PEER_ID=12D3KooW" + g.string(base58, 44, 44),
                    "WG_PEER_PUBLIC_KEY=" + java.util.Base64.getEncoder().encodeToString(wg),
                    "MINISIGN_PUBKEY=RW" + g.base64(42).substring(2),
                    "STRIPE_PRICE_ID=price_" + mixed(g, 24))) {
                assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
            }
            String digest = "sha256:" + g.string(HEX, 64, 64);
            assertThat(label("org.opencontainers.image.base.digest", digest)).isEqualTo(digest);
        }
        // the same public forms under a secret's name still go: the name decides
        assertThat(REDACTOR.envEntry("WG_PRIVATE_KEY=" + java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k')))
                .isEqualTo("WG_PRIVATE_KEY=[REDACTED]");
    }

    @Test
    void aSecretsNameSpelledAnotherWayHidesItsValueInEnvAndImageHistory() {
        Gen g = new Gen(807);
        for (int i = 0; i < ROUNDS; i++) {
            String stem = switch (g.between(0, 5)) {
                case 0 -> dropOne(g, "PASSWORD"); // PASWORD, PSSWORD, PASSWRD
                case 1 -> leet(g, g.pick("PASSWORD", "SECRET", "TOKEN", "PASSPHRASE"));
                case 2 -> g.pick("PASWD", "PSSWD", "PASSWD", "PSWD", "PASWRD");
                case 3 -> "SK"; // Huawei, Tencent: access key id AK, secret key SK
                case 4 -> g.pick("ACCESS_CODE", "SECURITY_CODE", "VERIFICATION_CODE");
                default -> g.pick("SNMP_COMMUNITY", "SNMP_RO_COMMUNITY", "RWCOMMUNITY");
            };
            String name = g.pick("DB_", "APP_", "HUAWEI_", "", "LDAP_", "ADMIN_") + stem + g.pick("", "_" + g.between(1, 9));
            String value = g.pick("Silver", "Copper", "Maple", "Harbor") + "." + g.pick("maple", "copper", "river") + g.between(1000, 9999) + g.pick("?", "#", "!", "");
            assertThat(REDACTOR.envEntry(name + "=" + value)).as(name).isEqualTo(name + "=[REDACTED]");
            String row = g.pick("/bin/sh -c #(nop)  ENV ", "ENV ") + name + "=" + value;
            assertThat(history(row)).as(row).doesNotContain(value.substring(0, value.length() - 1));
        }
        for (String harmless : List.of("TASK_QUEUE=default", "DISK_SIZE=20G", "IPV4_ADDR=10.0.0.1", "LOG4J2_CONFIG_FILE=/etc/log4j2.xml",
                "K8S_NAMESPACE=prod", "X509_CERT_PATH=/etc/ssl/cert.pem", "SKU=basic", "ASK_TIMEOUT=30s")) {
            assertThat(REDACTOR.envEntry(harmless)).isEqualTo(harmless);
        }
    }

    // ---- generators

    private static String vendorWord(Gen g) {
        String w;
        do {
            w = g.string(Gen.LOWER, 3, 7);
        } while (ID_LIKE.contains(w));
        return switch (g.between(0, 2)) {
            case 0 -> w.toUpperCase(java.util.Locale.ROOT);
            case 1 -> w.substring(0, w.length() - 1) + g.between(1, 9);
            default -> w;
        };
    }

    /** Capitals, small letters and digits, each at least three times, shuffled. */
    static String mixed(Gen g, int len) {
        StringBuilder sb = new StringBuilder(g.string(Gen.UPPER, 3, 3) + g.string(Gen.LOWER, 3, 3) + g.string(Gen.DIGITS, 3, 3));
        sb.append(g.string(Gen.ALNUM, len - 9, len - 9));
        return shuffle(g, sb);
    }

    static String shuffle(Gen g, StringBuilder sb) {
        for (int i = sb.length() - 1; i > 0; i--) {
            int j = g.between(0, i);
            char c = sb.charAt(i);
            sb.setCharAt(i, sb.charAt(j));
            sb.setCharAt(j, c);
        }
        return sb.toString();
    }

    /** Small letters with a digit after every one to three of them. */
    private static String interleaved(Gen g, int len) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < len) {
            sb.append(g.string(Gen.LOWER, 1, 3)).append(g.string(Gen.DIGITS, 1, 1));
        }
        return sb.substring(0, len);
    }

    /** Pieces of seven small letters and digits joined by '-', each with a digit. */
    private static String pieces(Gen g, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder p = new StringBuilder(g.string(Gen.LOWER, 4, 4) + g.string(Gen.DIGITS, 2, 2) + g.string(LOWER_ALNUM, 1, 1));
            sb.append(i == 0 ? "" : "-").append(shuffle(g, p));
        }
        return sb.toString();
    }

    private static String grouped(Gen g, int groups, boolean upper) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            StringBuilder p = new StringBuilder(g.string(Gen.LOWER, 2, 2) + g.string(Gen.DIGITS, 1, 1) + g.string(LOWER_ALNUM, 1, 1));
            sb.append(i == 0 ? "" : "-").append(shuffle(g, p));
        }
        return upper ? sb.toString().toUpperCase(java.util.Locale.ROOT) : sb.toString();
    }

    private static String hexBoth(Gen g, int len) {
        return shuffle(g, new StringBuilder(g.string("abcdef", 2, 2) + g.string(Gen.DIGITS, 2, 2) + g.string(HEX, len - 4, len - 4)));
    }

    /** An Azure identifiable key: 44 base64 characters with the service's signature near the end. */
    private static String azureKey(Gen g) {
        String sig = g.pick("+ASb", "+ARm", "+AEh", "AzFu", "AzSe", "+ACR", "+ASt");
        return mixed(g, 33) + sig + g.string(Gen.ALNUM, 6, 6) + "=";
    }

    private static String uuid(Gen g) {
        String h = g.string(HEX, 32, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    private static String capabilityKey(Gen g) {
        return switch (g.between(0, 5)) {
            case 0 -> uuid(g);
            case 1 -> hexBoth(g, g.between(10, 40));
            case 2 -> mixed(g, g.between(10, 32));
            case 3 -> shuffle(g, new StringBuilder(g.string(Gen.UPPER, 4, 4) + g.string(Gen.LOWER, 6, 14))); // letters alone
            case 4 -> grouped(g, 5, false);
            default -> g.string(Gen.LOWER, 4, 8) + "-" + interleaved(g, g.between(12, 20));
        };
    }

    /** The id without a secret's word inside it (cs_test_…Pw6u…: "pw" and what follows is read as a password by the keyword rules). */
    private static String noKeyword(String id) {
        return id.replaceAll("(?i)p(?=w)|s(?=ec)|k(?=ey)|t(?=ok)|a(?=uth)|p(?=ass)|p(?=in)|s(?=ig)|o(?=tp)|p(?=sk)", "x");
    }

    private static String dropOne(Gen g, String word) {
        int at = g.between(1, word.length() - 1);
        return word.substring(0, at) + word.substring(at + 1);
    }

    private static String leet(Gen g, String word) {
        String out;
        do {
            StringBuilder sb = new StringBuilder(word);
            for (int i = 0; i < sb.length(); i++) {
                char c = sb.charAt(i);
                char l = c == 'A' ? '4' : c == 'S' ? '5' : c == 'O' ? '0' : c == 'E' ? '3' : c == 'T' ? '7' : c;
                if (l != c && g.bool()) {
                    sb.setCharAt(i, l);
                }
            }
            out = sb.toString();
        } while (out.equals(word));
        return out;
    }

    // ---- carriers

    private static void assertHiddenEverywhere(Gen g, String token, String secret) {
        String line = g.pick("configured %s for export", "-> using %s", "client ready (%s)", "registered: %s", "loaded integration %s",
                "[%s]", "%s", "export TOKEN_IN_USE=%s", "worker " + g.between(1, 9) + " got '%s' from the vault").formatted(token);
        assertHidden(line, secret);
        String name = g.pick("EXTRA_ARG_" + g.between(1, 999), "PLUGIN_" + g.between(1, 999), "SETTING_" + g.between(1, 99), "PROVIDER_X");
        assertThat(REDACTOR.envEntry(name + "=" + token)).as(token).isEqualTo(name + "=[REDACTED]");
        assertThat(label("io.acme.integration." + g.string(Gen.LOWER, 3, 8), token)).as(token).isEqualTo("[REDACTED]");
    }

    static String label(String key, String value) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putObject("labels").put(key, value);
        REDACTOR.tree(tree);
        return tree.get("labels").get(key).asString();
    }

    private static String history(String createdBy) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("history").addObject().put("createdBy", createdBy);
        REDACTOR.tree(tree);
        return tree.get("history").get(0).get("createdBy").asString();
    }

    static String piece(String secret) {
        return secret.substring(secret.length() - Math.min(8, secret.length()));
    }

    static void assertHidden(String text, String secret) {
        String out = String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))));
        if (secret.length() < 8) {
            assertThat(out).as(text).doesNotContain(secret);
            return;
        }
        for (int at = 0; at + 8 <= secret.length(); at += 4) {
            assertThat(out).as(text).doesNotContain(secret.substring(at, at + 8));
        }
        assertThat(out).as(text).doesNotContain(secret.substring(secret.length() - 8));
    }
}
