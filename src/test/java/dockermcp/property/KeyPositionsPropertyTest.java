package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the eighth outside test's families, judged by position rather than by value: a hexadecimal or UUID value that
 * is itself the secret (after a vendor word, in a scoped key, next to a key id, as the key segment of an RPC URL), capability
 * URLs of services on no list (a share word's segment, a random segment after the host, a {@code #fragment}, a
 * {@code private-} segment), a token's random rest glued by {@code / | : . !}, each with random hosts, vendors, bodies
 * and carriers (env under a neutral name, labels, argument vectors, free log lines); and the same shapes where the position
 * says id (REST paths after a collection noun, digests, revisions, trace ids, ARNs, resource ids, pod names, anchors), which
 * stay unchanged.
 */
class KeyPositionsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final String HEX = "0123456789abcdef";
    private static final String B64URL = Gen.ALNUM + "-_";
    private static final int ROUNDS = 200;

    @Test
    void aHexOrUuidKeyAfterAVendorWordOrInAScopedKeyIsHidden() {
        Gen g = new Gen(901);
        for (int i = 0; i < ROUNDS; i++) {
            String word = vendorWord(g);
            String secret;
            String token = switch (g.between(0, 4)) {
                case 0 -> word + "_" + (secret = uuid(g)); // waka_<uuid>
                case 1 -> word.substring(0, 2) + "-" + (secret = uuid(g)); // ms-<uuid>
                case 2 -> word + "_" + (secret = hexBoth(g, g.between(12, 64))); // chpt_<14 hex>
                case 3 -> g.pick("*", "default", word, "proj-" + g.between(1, 99)) + ":" + g.pick("*", "development", "production", word) + "."
                        + (secret = hexBoth(g, g.pick(32, 40, 64))); // Unleash
                default -> g.string(Gen.DIGITS, 10, 20) + "|" + (secret = hexBoth(g, 32)); // an app id and its secret
            };
            assertHiddenEverywhere(g, token, secret);
        }
    }

    @Test
    void aSecretNextToItsKeyIdInAnArgumentVectorIsHidden() {
        Gen g = new Gen(902);
        for (int i = 0; i < ROUNDS; i++) {
            String id = g.pick("GK", "AKIA", "LTAI", "AKID", "SCW") + g.string(g.bool() ? HEX.toUpperCase(Locale.ROOT) : HEX, 20, 24);
            String secret = g.bool() ? hexBoth(g, 64) : VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, g.between(32, 44));
            String program = g.string(Gen.LOWER, 4, 8);
            List<String> argv = List.of(program, g.pick("key", "credentials", "access"), g.pick("import", "add", "set"), id, secret, "-n",
                    g.string(Gen.LOWER, 3, 8));
            assertThat(REDACTOR.tree(argvTree(argv)).get("command").toString()).as(argv.toString()).doesNotContain(VendorTokensAndCapabilityUrlsPropertyTest.piece(secret));
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.putArray("history").addObject().put("createdBy", "/bin/sh -c " + String.join(" ", argv));
            assertThat(REDACTOR.tree(tree).toString()).as(argv.toString()).doesNotContain(VendorTokensAndCapabilityUrlsPropertyTest.piece(secret));
        }
    }

    @Test
    void aKeySegmentOfAnRpcOrApiKeyUrlIsHiddenWhateverTheHost() {
        Gen g = new Gen(903);
        for (int i = 0; i < ROUNDS; i++) {
            String key = g.pick(hexBoth(g, g.pick(32, 40, 64)), uuid(g), VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, g.between(20, 40)));
            String host = g.pick("rpc.", "api.", "go.", "", "eth-mainnet.", "nd-" + g.between(100, 999) + "-" + g.between(100, 999) + ".")
                    + g.string(Gen.LOWER, 4, 10) + "." + g.pick("com", "io", "pro", "co", "org", "xyz");
            String url = "https://" + host + switch (g.between(0, 3)) {
                case 0 -> "/" + g.pick("eth", "polygon", "mainnet", "arbitrum", "bsc", "solana", "sepolia") + "/" + key; // Ankr
                case 1 -> g.pick("", "/api") + "/" + g.pick("v1", "v2", "v3") + "/" + key; // Infura, Alchemy
                case 2 -> "/" + key + g.pick("", "/"); // QuickNode, GetBlock, Chainstack, Blast
                default -> "/" + key + "/" + g.pick("rpc", "ws", "graphql", "eth");
            };
            assertUrlHiddenEverywhere(g, url, key);
        }
    }

    @Test
    void aShareFeedOrPublishedLinksKeyIsHiddenWhateverTheService() {
        Gen g = new Gen(904);
        for (int i = 0; i < ROUNDS; i++) {
            String host = g.pick("app.", "www.", "files.", "cloud.", "ics.", "") + g.string(Gen.LOWER, 4, 10) + "." + g.pick("com", "io", "net", "ms", "me");
            String key;
            String url = switch (g.between(0, 5)) {
                case 0 -> "https://" + host + "/" + g.pick("s", "d", "f", "u/s!", "t", "share", "shared", "send") + "/"
                        + (key = g.pick(g.string(Gen.LOWER + Gen.DIGITS, 20, 32), randomLetters(g, g.between(16, 24)), VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, g.between(16, 32)), hexBoth(g, 20)))
                        + g.pick("", "/", "/" + g.string(Gen.LOWER, 3, 8), "?dl=1");
                case 1 -> "https://" + host + "/" + g.pick("public/dashboard", "public-dashboards", "public", "published/" + g.between(1, 9), "feed")
                        + "/" + (key = g.pick(uuid(g), hexBoth(g, 32), "ks" + g.string(Gen.LOWER + Gen.DIGITS, 16, 16)))
                        + g.pick("", "/0.ics", "/calendar.ics");
                case 2 -> g.pick("https", "webcal") + "://" + host + "/calendar/ical/" + g.string(Gen.LOWER, 3, 8) + "%40acme.io/"
                        + g.pick("private-", "secret-") + (key = hexBoth(g, 32)) + "/basic.ics";
                case 3 -> "https://" + host + "/owa/calendar/" + (key = hexBoth(g, 32)) + "@acme.io/" + hexBoth(g, 20) + "/calendar.ics";
                case 4 -> "https://" + host + "/" + g.pick("", "file/" + VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, 10), "?" + hexBoth(g, 16)) + "#"
                        + (key = g.string(B64URL, 22, 44).replaceAll("^[-_]", "x")) + g.pick("", "/" + g.string(B64URL, 22, 22)); // Mega, PrivateBin, Send
                default -> "https://conda." + host + "/t/" + (key = g.pick("ac-", "") + g.string(Gen.LOWER + Gen.DIGITS, 24, 32)) + "/" + g.string(Gen.LOWER, 4, 10);
            };
            assertUrlHiddenEverywhere(g, url, key);
        }
    }

    @Test
    void theRandomRestOfAHiddenTokenGoesWithIt() {
        Gen g = new Gen(905);
        for (int i = 0; i < ROUNDS; i++) {
            String rest = VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, g.between(16, 30));
            String head = "";
            String token = switch (g.between(0, 3)) {
                case 0 -> vendorWord(g) + "_" + hexBoth(g, 32) + "/" + rest; // a vendor's token, found by its family, and its second part
                case 1 -> g.string(Gen.LOWER, 2, 3) + "_" + (head = VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, 12)) + "|" + (rest = VendorTokensAndCapabilityUrlsPropertyTest.mixed(g, g.between(24, 32))); // an id, a '|' and a key
                case 2 -> g.string(Gen.UPPER, 3, 3) + "|" + g.string(Gen.DIGITS, 13, 16) + "|" + (rest = hexBoth(g, 32)); // Mapillary
                default -> vendorWord(g) + "_" + hexBoth(g, g.between(32, 40)) + g.pick(":", "!", ".", "|") + rest; // any glue
            };
            String line = g.pick("connect(%s)", "client init %s ok", "using %s", "[%s] ready").formatted(token);
            VendorTokensAndCapabilityUrlsPropertyTest.assertHidden(line, rest);
            if (!head.isEmpty()) {
                VendorTokensAndCapabilityUrlsPropertyTest.assertHidden(line, head); // the id before the key goes with it
            }
            String name = "ARG_" + g.between(1, 999);
            assertThat(REDACTOR.envEntry(name + "=" + token)).as(token).isEqualTo(name + "=[REDACTED]");
        }
    }

    @Test
    void idsWherePositionsSayIdStay() {
        Gen g = new Gen(906);
        String k8s = "bcdfghjklmnpqrstvwxz2456789";
        for (int i = 0; i < ROUNDS; i++) {
            String host = g.pick("api.", "www.", "docs.", "") + g.string(Gen.LOWER, 3, 10) + "." + g.pick("com", "io", "org");
            for (String line : List.of(
                    "GET https://" + host + "/api/" + g.pick("orders", "users", "invoices", "jobs", "items") + "/" + g.pick(uuid(g), hexBoth(g, 24)) + " 200",
                    "GET https://" + host + "/" + g.pick("v1", "v2") + "/" + g.pick("orders", "users", "projects") + "/" + uuid(g) + "/items " + g.between(200, 204),
                    "see https://github.com/" + g.string(Gen.LOWER, 3, 8) + "/" + g.string(Gen.LOWER, 3, 8) + "/commit/" + hexBoth(g, 40),
                    "see https://" + host + "/docs/" + g.string(Gen.LOWER, 3, 8) + ".html#" + g.string(Gen.LOWER, 4, 9) + "-" + g.string(Gen.LOWER, 3, 7),
                    "download https://" + host + "/releases/download/v" + g.between(1, 9) + "." + g.between(0, 20) + "." + g.between(0, 9) + "/app.tar.gz",
                    "GET https://" + host + "/public/" + g.pick("js", "css", "img") + "/app." + g.string(HEX, 8, 8) + "." + g.pick("js", "css", "png") + " 200",
                    "layer sha256:" + g.string(HEX, 64, 64) + " pulled",
                    "container " + g.string(HEX, 64, 64) + " started",
                    "trace_id=" + g.string(HEX, 32, 32) + " span_id=" + g.string(HEX, 16, 16),
                    "Successfully assigned " + g.string(Gen.LOWER, 4, 10) + "/" + g.string(Gen.LOWER, 4, 10) + "-" + g.pick("api", "web", "worker") + "-"
                            + g.string(k8s, 8, 10) + "-" + g.string(k8s, 5, 5) + " to ip-10-0-" + g.between(0, 9) + "-" + g.between(1, 250),
                    "volume pvc-" + uuid(g) + " bound",
                    "connect(" + g.string(Gen.LOWER, 3, 8) + "/" + g.string(Gen.LOWER, 3, 8) + ".json)")) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
            String region = g.pick("eu-central-1", "us-east-1", "ap-southeast-2");
            for (String entry : List.of(
                    g.pick("RENDER_SERVICE_ID", "INSTANCE_ID", "VOLUME_ID", "SUBNET_ID", "SECURITY_GROUP_ID") + "="
                            + g.pick("srv", "svc", "i", "vol", "sg", "subnet", "ami", "crn") + "-" + g.string(Gen.LOWER + Gen.DIGITS, 17, 20),
                    "ECS_CONTAINER_METADATA_URI_V4=http://169.254.170.2/v4/" + g.string(HEX, 32, 32) + "-" + g.string(Gen.DIGITS, 10, 10),
                    "TASK_ARN=arn:aws:ecs:" + region + ":" + g.string(Gen.DIGITS, 12, 12) + ":task/" + g.string(Gen.LOWER, 4, 10) + "/" + g.string(HEX, 32, 32),
                    "GIT_COMMIT=" + g.string(HEX, 40, 40),
                    "DOCS_URL=https://" + host + "/guide/" + g.string(Gen.LOWER, 4, 9) + "#" + g.string(Gen.LOWER, 4, 9) + "-" + g.string(Gen.LOWER, 3, 7))) {
                assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
            }
            String arn = "arn:aws:ecs:" + region + ":" + g.string(Gen.DIGITS, 12, 12) + ":task/" + g.string(Gen.LOWER, 4, 10) + "/" + g.string(HEX, 32, 32);
            assertThat(VendorTokensAndCapabilityUrlsPropertyTest.label("com.amazonaws.ecs.task-arn", arn)).isEqualTo(arn);
        }
    }

    // ---- carriers

    private static void assertHiddenEverywhere(Gen g, String token, String secret) {
        VendorTokensAndCapabilityUrlsPropertyTest.assertHidden(g.pick("auth header set from %s", "-> using %s", "client ready (%s)", "%s", "[%s] sdk initialised",
                "worker " + g.between(1, 9) + " got '%s'").formatted(token), secret);
        String name = g.pick("ARG" + g.between(1, 999), "PLUGIN_" + g.between(1, 999), "SETTING_" + g.between(1, 99));
        assertThat(REDACTOR.envEntry(name + "=" + token)).as(token).isEqualTo(name + "=[REDACTED]");
        assertThat(VendorTokensAndCapabilityUrlsPropertyTest.label("io.acme.integration." + g.string(Gen.LOWER, 3, 8), token)).as(token).doesNotContain(VendorTokensAndCapabilityUrlsPropertyTest.piece(secret));
    }

    private static void assertUrlHiddenEverywhere(Gen g, String url, String key) {
        VendorTokensAndCapabilityUrlsPropertyTest.assertHidden(g.pick("GET %s 200 14ms", "resolved upstream %s", "  - %s", "fetching %s", "%s", "subscribed to %s ok").formatted(url), key);
        String name = g.pick("SOURCE_URL", "TARGET_" + g.between(1, 99), "ENDPOINT", "FEED", "LINK_" + g.string(Gen.UPPER, 3, 6));
        assertThat(REDACTOR.envEntry(name + "=" + url)).as(url).doesNotContain(VendorTokensAndCapabilityUrlsPropertyTest.piece(key));
        assertThat(VendorTokensAndCapabilityUrlsPropertyTest.label("io.acme." + g.string(Gen.LOWER, 3, 8), url)).as(url).doesNotContain(VendorTokensAndCapabilityUrlsPropertyTest.piece(key));
    }

    private static ObjectNode argvTree(List<String> argv) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        var cmd = tree.putArray("command");
        argv.forEach(cmd::add);
        return tree;
    }

    // ---- generators

    /** A vendor's word: three to six small letters that name no id (trace, build…) nor a public object (price, cus…). */
    private static String vendorWord(Gen g) {
        String w;
        do {
            w = g.string(Gen.LOWER, 3, 6);
        } while (List.of("trace", "span", "req", "run", "job", "build", "sha", "git", "rev", "tag", "ver", "key", "test", "live", "prod", "dev",
                "vol", "vm", "pod", "pvc", "net", "tmp", "id", "md", "ref", "sub", "cus", "evt", "src", "txn", "acct", "card", "file", "part",
                "node", "task", "user", "item", "row", "tx", "tid", "sid", "pid", "oid", "obj", "msg", "lt", "fs", "sg", "ft", "ch", "pi",
                "in", "pm", "po", "re", "ba", "cs", "si", "ii", "vpc", "ami", "eni", "igw", "rtb", "acl", "nat", "tgw", "ipi", "il", "tr", "py",
                "cpn", "trr", "pyr").contains(w)
                || List.of("vm", "id", "md", "tx", "lt", "fs", "sg", "ft", "ch", "pi", "in", "pm", "po", "re", "ba", "cs", "si", "ii", "il", "tr", "py")
                        .contains(w.substring(0, 2)));
        return w;
    }

    private static String uuid(Gen g) {
        String h = hexBoth(g, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    private static String hexBoth(Gen g, int len) {
        return VendorTokensAndCapabilityUrlsPropertyTest.shuffle(g, new StringBuilder(g.string("abcdef", 3, 3) + g.string(Gen.DIGITS, 3, 3) + g.string(HEX, len - 6, len - 6)));
    }

    /** Small letters drawn at random, with a run of five consonants (no word has one). */
    private static String randomLetters(Gen g, int len) {
        return VendorTokensAndCapabilityUrlsPropertyTest.shuffle(g, new StringBuilder(g.string(Gen.LOWER, len - 5, len - 5))) + g.string("bcdfghjklmnpqrstvwxz", 5, 5);
    }

}
