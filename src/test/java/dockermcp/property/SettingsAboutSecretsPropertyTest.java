package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, harmless configuration (the tenth outside test's false positives, as families): settings that describe a secret
 * without holding one stay visible — counts and iterations ({@code PASSWORD_ITERATIONS=600000}, {@code CONTEXT_TOKENS=128000}),
 * types and algorithms ({@code SSH_KEY_TYPE=ed25519}), display names ({@code AUTH_PROVIDER_NAME=Corp SSO}), switches
 * ({@code *_ACCEPT_ANY=1}), prefixes ({@code API_KEY_PREFIX=corp_}), policies ({@code min:12,upper:1}), address ranges
 * ({@code PRIVATE_NETWORK_CIDR=10.0.0.0/8}), prefixed ULIDs under an id's name, lists of key fingerprints or ids (the php
 * and rabbitmq images' {@code *_GPG_KEYS}, {@code *_PGP_KEY_IDS}), an OpenSSH key type in a log line, a public key's path
 * in a flag. Random values of the same names that are made up still go.
 */
class SettingsAboutSecretsPropertyTest {

    private static final Redactor R = new Redactor();

    private static String hex(Gen g, int n) {
        return g.string("0123456789ABCDEF", n, n);
    }

    private static String ulid(Gen g) {
        return g.string("01234567", 1, 1) + g.string("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 25, 25);
    }

    @Test
    void settingsThatDescribeASecretStayVisible() {
        List<String> changed = new ArrayList<>();
        for (int seed = 0; seed < 400; seed++) {
            Gen g = new Gen(seed);
            String pre = g.pick("", "APP_", "AUTH_", "MP_SMTP_", "KC_");
            String entry = switch (g.between(0, 10)) {
                case 0 -> pre + g.pick("PASSWORD_ITERATIONS", "PASSWORD_HASH_ROUNDS", "PBKDF2_ITERATIONS", "BCRYPT_COST") + "=" + g.between(4, 900000);
                case 1 -> pre + g.pick("CONTEXT_TOKENS", "MAX_TOKENS", "WINDOW_TOKENS", "TOTAL_TOKENS") + "=" + g.between(1, 2000000);
                case 2 -> pre + g.pick("SSH_KEY_TYPE", "KEY_ALGORITHM", "SIGNING_KEY_TYPE") + "=" + g.pick("ed25519", "rsa4096", "ecdsa256", "x25519");
                case 3 -> pre + g.pick("AUTH_PROVIDER_NAME", "TOKEN_ISSUER_NAME", "SECRET_STORE_NAME") + "=" + g.pick("Corp SSO", "Acme Login", "Main Vault");
                case 4 -> pre + g.pick("AUTH_ACCEPT_ANY", "TOKEN_VERIFY", "SECRET_SKIP", "PASSWORD_INSECURE") + "=" + g.pick("0", "1", "true", "false");
                case 5 -> pre + g.pick("API_KEY_PREFIX", "TOKEN_PREFIX", "SECRET_PREFIX") + "=" + g.pick("corp_", "acme-", "live_", "tk_");
                case 6 -> pre + g.pick("PASSWORD_POLICY", "PASSWORD_RULES") + "=min:" + g.between(8, 20) + ",upper:" + g.between(0, 3) + ",digit:" + g.between(0, 3);
                case 7 -> pre + g.pick("PRIVATE_NETWORK_CIDR", "PRIVATE_SUBNET", "AUTH_ALLOWED_CIDRS") + "=10." + g.between(0, 255) + ".0.0/" + g.between(8, 24);
                case 8 -> g.pick("DEPLOYMENT_ID", "RUN_ID", "TENANT_ID") + "=" + g.pick("dep", "run", "ten", "job") + "_" + ulid(g);
                case 9 -> g.pick("PHP_GPG_KEYS", "NODE_GPG_KEYS", "OPENSSL_PGP_KEY_IDS", "RABBITMQ_PGP_KEY_ID") + "=" + g.pick("", "0x") + hex(g, 40)
                        + (g.bool() ? " " + g.pick("", "0x") + hex(g, 40) : "");
                default -> g.pick("LOG_LEVEL=info", "REGION=eu-west-1");
            };
            String shown = R.envEntry(entry);
            if (!shown.equals(entry)) {
                changed.add(entry + " -> " + shown);
            }
        }
        for (String line : List.of("Server host key: ssh-ed25519 SHA256:Xv4k2m9PqR7zLw3nT8yB5cD1eF6gH0jK2lM4nP6qR8s", "host key: ecdsa-sha2-nistp256 accepted")) {
            if (!R.text(line).equals(line)) {
                changed.add(line + " -> " + R.text(line));
            }
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void madeUpValuesUnderTheSameNamesStillGo() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            Gen g = new Gen(seed);
            String x = g.string(Gen.UPPER, 2, 3) + g.string(Gen.LOWER, 3, 4) + g.string(Gen.DIGITS, 2, 3) + g.pick("!", "#", "%", "*") + g.string(Gen.ALNUM, 8, 14);
            String name = g.pick("API_KEY_PREFIX", "AUTH_PROVIDER_NAME", "SSH_KEY_TYPE", "PASSWORD_POLICY", "TOKEN_PREFIX", "SECRET_STORE_NAME", "API_KEY", "DB_PASSWORD");
            String shown = R.envEntry(name + "=" + x);
            if (shown.contains(x.substring(0, 8)) || shown.contains(x.substring(x.length() - 8))) {
                leaked.add(name + "=" + x + " -> " + shown);
            }
        }
        assertThat(leaked).isEmpty();
    }
}
