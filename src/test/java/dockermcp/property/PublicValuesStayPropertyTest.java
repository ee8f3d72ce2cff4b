package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the seventh outside test's false positives: values that are public by design and were hidden. Integrity
 * digests ({@code sha384-…}) under a neutral name, publishable keys (Stripe {@code pk_live_}, PostHog {@code phc_}) that
 * the providers publish in web pages, an ETag, an ssh command whose {@code -i} names a key file, a cookie's name, a
 * Kafka cluster id, GPG key ids. Each next to the secret of the same shape that must still go.
 */
class PublicValuesStayPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final String HEX = "0123456789abcdef";
    private static final int ROUNDS = 150;

    @Test
    void anIntegrityDigestUnderANeutralNameStays() {
        Gen g = new Gen(711);
        for (int i = 0; i < ROUNDS; i++) {
            int bytes = g.pick(32, 48, 64);
            String value = "sha" + bytes * 8 + "-" + g.base64(bytes);
            String name = g.pick("integrity", "com.example.asset.integrity", "APP_JS_SRI", "script.hash");
            assertThat(label(name, value)).as(value).isEqualTo(value);
            assertThat(REDACTOR.envEntry("ASSET_DIGEST=" + value)).isEqualTo("ASSET_DIGEST=" + value);
        }
    }

    @Test
    void aPublishableKeyIsShownUnderAKeyNameAndHiddenUnderASecretName() {
        Gen g = new Gen(712);
        for (int i = 0; i < ROUNDS; i++) {
            String stripe = "pk_" + g.pick("live", "test") + "_" + g.string(Gen.ALNUM, 99, 99);
            String posthog = "phc_" + g.string(Gen.ALNUM, 43, 43);
            String key = g.bool() ? stripe : posthog;
            String shown = g.pick("STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_STRIPE_KEY", "STRIPE_KEY", "POSTHOG_KEY", "NEXT_PUBLIC_POSTHOG_KEY", "VITE_POSTHOG_API_KEY");
            assertThat(REDACTOR.envEntry(shown + "=" + key)).isEqualTo(shown + "=" + key);
            String hidden = g.pick("STRIPE_SECRET_KEY", "STRIPE_SECRET", "POSTHOG_PERSONAL_API_KEY_SECRET", "PRIVATE_KEY", "DB_PASSWORD");
            assertThat(REDACTOR.envEntry(hidden + "=" + key)).isEqualTo(hidden + "=[REDACTED]");
            String secret = g.pick("sk_live_", "rk_live_", "phx_") + g.string(Gen.ALNUM, 43, 43);
            assertThat(REDACTOR.envEntry(shown + "=" + secret)).isEqualTo(shown + "=[REDACTED]");
        }
    }

    @Test
    void anEtagAGpgKeyIdAndAHostKeyFingerprintStayInLogs() {
        Gen g = new Gen(713);
        for (int i = 0; i < ROUNDS; i++) {
            String etag = g.string(HEX, 40, 40);
            String keyId = g.string("0123456789ABCDEF", 16, 16);
            String fingerprint = g.string("0123456789ABCDEF", 40, 40);
            for (String line : List.of("ETag: \"" + etag + "\"", "< etag: W/\"" + etag + "\"", "If-None-Match: \"" + etag + "\"",
                    "gpg: key " + keyId + ": public key \"Docker Release (CE deb) <docker@docker.com>\" imported",
                    "gpg: using RSA key " + fingerprint, "gpg: using EDDSA key 0x" + keyId, "W: GPG error: NO_PUBKEY " + keyId,
                    "gpg: Signature made Mon 30 Nov 2026 using RSA key ID " + keyId.substring(8),
                    "ED25519 key fingerprint is SHA256:" + g.base64(32).replace("=", "") + ".")) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
            assertThat(REDACTOR.envEntry("HTTP_ETAG=\"" + etag + "\"")).isEqualTo("HTTP_ETAG=\"" + etag + "\"");
            assertThat(label("com.example.asset.etag", etag)).isEqualTo(etag);
        }
    }

    @Test
    void anOpenSshPublicKeyAndDigestHeadersStayInLogs() {
        Gen g = new Gen(715);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] wire = new byte[51]; // "ssh-ed25519" and a 32-byte key, each after its length, as OpenSSH writes it
            wire[3] = 11;
            System.arraycopy("ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, wire, 4, 11);
            wire[18] = 32;
            for (int k = 19; k < wire.length; k++) {
                wire[k] = (byte) g.between(0, 255);
            }
            String publicKey = "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(wire) + " " + g.pick("deploy@ci", "user@host");
            for (String line : List.of(publicKey, "Added key: " + publicKey)) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
            String digest = g.base64(64);
            // the digest itself stays (EncodedForms may still take the name for a rot13 word when the base64 spells one)
            assertThat(REDACTOR.lines(List.of("Digest: " + g.pick("SHA-512=", "sha-512=") + digest)).get(0)).contains(digest);
        }
    }

    @Test
    void sshOptionsACookieNameAndAClusterIdStayInConfiguration() {
        Gen g = new Gen(714);
        for (int i = 0; i < ROUNDS; i++) {
            String ssh = "ssh -i " + g.pick("/run/secrets/deploy_key", "/root/.ssh/id_ed25519", "~/.ssh/deploy-key") + " -o "
                    + g.pick("StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "IdentitiesOnly=yes", "PubkeyAuthentication=yes");
            String clusterId = g.base64(16).replace("==", "").replace('+', '-').replace('/', '_'); // kafka-storage random-uuid
            for (Map.Entry<String, String> e : Map.of("GIT_SSH_COMMAND", ssh, g.pick("AUTH_COOKIE_NAME", "SESSION_COOKIE_NAME"),
                    g.pick("__Host-session", "__Secure-auth", "__Host-" + g.pick("sid", "next-auth.session-token")), g.pick("CLUSTER_ID", "KAFKA_CLUSTER_ID"),
                    clusterId).entrySet()) {
                String entry = e.getKey() + "=" + e.getValue();
                assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
            }
            String secretKey = g.string(Gen.ALNUM, 22, 22);
            assertThat(REDACTOR.envEntry("CLUSTER_SECRET=" + secretKey)).isEqualTo("CLUSTER_SECRET=[REDACTED]");
        }
    }

    private static String label(String key, String value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("labels").put(key, value);
        REDACTOR.tree(o);
        return o.get("labels").get(key).asString();
    }

}
