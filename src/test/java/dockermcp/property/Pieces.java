package dockermcp.property;

/** The leak test of issue 7's proof: a secret leaks when any 8-character piece of it appears in what was shown. */
final class Pieces {

    private Pieces() {
    }

    /** True when an 8-character piece of {@code secret} (or the whole of a shorter one) appears in {@code shown}. */
    static boolean leaked(String secret, String shown) {
        if (secret.length() < 8) {
            return shown.contains(secret);
        }
        for (int k = 0; k + 8 <= secret.length(); k++) {
            if (shown.contains(secret.substring(k, k + 8))) {
                return true;
            }
        }
        return false;
    }
}
