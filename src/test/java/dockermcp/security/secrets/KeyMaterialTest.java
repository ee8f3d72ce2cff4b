package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bare base64 DER is judged by its structure: keys and PKCS#12 files go, certificates, requests and public keys stay. */
class KeyMaterialTest {

    private final SecretDetector detector = new SecretDetector(List.of());
    private final Random random = new Random(7);

    private String der(int... head) {
        byte[] b = new byte[700];
        random.nextBytes(b);
        for (int i = 0; i < head.length; i++) {
            b[i] = (byte) head[i];
        }
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void privateKeysAndPkcs12AsBareBase64AreHidden() {
        for (String key : List.of(der(0x30, 0x82, 0x04, 0xbe, 0x02, 0x01, 0x00, 0x30, 0x0d), der(0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82),
                der(0x30, 0x82, 0x0a, 0x5b, 0x02, 0x01, 0x03, 0x30, 0x82), der(0x30, 0x82, 0x05, 0x1c, 0x30, 0x4e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d))) {
            String line = "p12: " + key;
            assertThat(detector.redact(line, "[X]")).as(key.substring(0, 16)).isEqualTo("p12: [X]");
        }
    }

    @Test
    void certificatesRequestsAndPublicKeysStayByTheirStructure() {
        for (String pub : List.of(der(0x30, 0x82, 0x03, 0x77, 0x30, 0x82, 0x02, 0x5f, 0xa0, 0x03, 0x02, 0x01, 0x02),
                der(0x30, 0x82, 0x02, 0x9a, 0x30, 0x82, 0x01, 0x82, 0x02, 0x01, 0x00),
                der(0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00))) {
            char[] t = pub.toCharArray();
            assertThat(KeyMaterial.secretDer(t, 0, t.length)).as(pub.substring(0, 16)).isFalse();
        }
    }

    /** Hostile repetitions of what starts these rules: each occurrence reads a bounded stretch, and a run once. */
    @Test
    void theNewRulesFinishOnHostileRepetitionsOfTheirKeywords() {
        for (String unit : List.of("mnemonic: ", "phrase is ", "abc ", "key: ", "2abc ", "== ed25519v1-secret: type0 ==", "untrusted comment: secret key ",
                "RWRTY0Iy", "MI", "MIIB", "MH", "[1, ", "1,", "---- BEGIN SSH2 PRIVATE KEY ----\nAAAA\n", "authorization: ", "authorization: x a=", "?code=",
                "&sig=", "eyJ", "eyJa.", "ewo.", "a:1:b:c:", ":", "digest:", "root:", "\u3000")) {
            String text = unit.repeat(Math.max(1, 100_000 / unit.length()));
            assertThat(detector.find(text).merged().length % 2).as(unit).isZero();
        }
    }
}
