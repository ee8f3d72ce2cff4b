package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretNamesTest {

    /** Names of both kinds, and random ones: 5 000 distinct names fill the 1 024 slots many times over (collisions, evictions). */
    @Test
    void aNameReadFromCharactersIsJudgedAsTheSameNameAsAString() {
        List<String> names = new ArrayList<>(List.of("DB_PASSWORD", "level", "msg", "apiKey", "KEYBOARD_LAYOUT", "MONKEY_TOKEN",
                "contraseña", "hasło", "PGPASSWORD", "request_id", "trace", "x", "ldapBindPw", "primary_key", "пароль"));
        Random random = new Random(3);
        String[] parts = {"db", "pass", "user", "key", "name", "level", "token", "id", "max", "auth", "board", "pw", "host", "_", "-", "X", "9"};
        for (int i = 0; i < 5000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            names.add(name.toString());
        }
        for (int round = 0; round < 3; round++) { // first reads fill the table, later ones are answered from it
            for (String name : names) {
                char[] text = ("{\"" + name + "\":1}").toCharArray();
                assertThat(SecretNames.suggestsSecret(text, 2, 2 + name.length())).as(name).isEqualTo(SecretNames.suggestsSecret(name));
            }
        }
        assertThat(SecretNames.suggestsSecret(new char[0], 0, 0)).isFalse();
    }

    /** The SNMP community string is a password: the name community alone says so; a word that holds it (edition, URL) does not. */
    @Test
    void communityAloneIsASecretNameAndCommunityInsideANameIsNot() {
        for (String name : List.of("community", "COMMUNITY", "Community", "snmp_community", "SNMP-COMMUNITY", "rocommunity", "communityString")) {
            assertThat(SecretNames.suggestsSecret(name)).as(name).isTrue();
        }
        for (String name : List.of("COMMUNITY_URL", "community_edition", "COMMUNITY_FORUM", "communities", "EDITION")) {
            assertThat(SecretNames.suggestsSecret(name)).as(name).isFalse();
        }
    }

    /** Codes that unlock or pair, password words glued to their owner, and names for a secret's content (not its file) are secret names. */
    @Test
    void setupAndPairingCodesGluedPasswordWordsAndContentNamesAreSecret() {
        for (String name : List.of("SETUP_CODE", "pairingCode", "UNLOCK_CODE", "activation-code", "MASTERPW", "ADMINPW", "rootpwd", "contrasenia", "SecretID")) {
            assertThat(SecretNames.suggestsSecret(name)).as(name).isTrue();
        }
        assertThat(SecretNames.allowsValue("CERT_PASSPHRASE_FILE_CONTENT", "amber-harbor-violet-flint95")).isFalse();
        assertThat(SecretNames.allowsValue("CERT_PASSPHRASE_FILE", "/run/secrets/pass")).isTrue();
        for (String name : List.of("QR_CODE", "ZIP_CODE", "EXIT_CODE", "COUNTRY_CODE", "SOURCE_CODE_URL")) {
            assertThat(SecretNames.suggestsSecret(name)).as(name).isFalse();
        }
    }
}
