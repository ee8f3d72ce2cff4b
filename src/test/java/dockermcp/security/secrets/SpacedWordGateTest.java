package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cheap test that lets a word followed by a blank pass without a copy (its last two letters) never passes a word
 * the full reading of {@code password VALUE}, {@code the secret is VALUE}, {@code AUTH VALUE}, {@code la clave es
 * VALUE} would act on: wherever the full reading hides something, the cheap test said to read.
 */
class SpacedWordGateTest {

    /** Words of the spaced families, as the property tests' secret corpus writes them, and near misses. */
    private static final String[] STEMS = {"password", "passwd", "passphrase", "pwd", "passcode", "secret", "token", "key", "apikey", "pin",
            "by", "auth", "add_user", "change_password", "user", "set", "clave", "contrasena", "senha", "passe", "passwort", "kennwort",
            "wachtwoord", "haslo", "parola", "salasana", "losenord", "adgangskode", "passord", "jelszo", "heslo", "sifre", "geslo", "lozinka",
            "contraseña", "hasło", "пароль", "κωδικός", "pass", "secrets", "tokens", "keys", "passwords", "word", "passwo", "ord"};
    private static final String[] BEFORE = {"", "", "db_", "my", "admin", "root-", "new.", "x"};
    private static final String[] AFTER = {"Walnut7x!", "is Xk9fQ2mP", "was: Xk9fQ2mP", "es Xk9fQ2mP", "ist Qq1!Zz", "é Xk9fQ2mP",
            "jest Xk9", "app Xk9fQ2mP", "u1 u2 Xk9fQ2mP /add", "alias set m1 https://h a Xk9fQ2mP", "'Xk9fQ2mP'", "-x", "ok"};
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-ñé";

    @Test
    void noWordTheFullReadingActsOnIsPassedByTheCheapTest() {
        Random random = new Random(11);
        int acted = 0;
        for (int round = 0; round < 40_000; round++) {
            String word = round % 2 == 0 ? pick(random, BEFORE) + randomCase(random, pick(random, STEMS)) : randomWord(random);
            String text = pick(random, new String[] {"", "rabbitmqctl ", "net ", "mc ", "identified ", "then "}) + word + " " + pick(random, AFTER);
            char[] t = text.toCharArray();
            int e = text.indexOf(word) + word.length();
            int s = e - word.length();
            int acts = Assignments.spaced(t, s, e, e + 1, new Spans());
            if (acts > 0) {
                acted++;
                assertThat(Assignments.mayBeSpaced(t, s, e)).as("'%s' in '%s'", word, text).isTrue();
            }
        }
        assertThat(acted).as("lines the full reading acts on").isGreaterThan(1000);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String randomCase(Random random, String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (char c : w.toCharArray()) {
            b.append(random.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    private static String randomWord(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
