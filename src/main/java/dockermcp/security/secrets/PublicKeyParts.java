package dockermcp.security.secrets;

import java.util.regex.Pattern;

/**
 * Parts of public keys that other rules take for a value: what GnuPG and apt print about keys, a key id or fingerprint
 * ({@code gpg: key 4AEE18F83AFDEB23: public key "Docker Release (CE deb) <docker@docker.com>" imported},
 * {@code NO_PUBKEY 4AEE18F83AFDEB23}) and a user id; an OpenSSH key type before its key ({@code key: ssh-ed25519 AAAA…}).
 * A hidden part with one of these shapes is shown again; anything else in the line is judged as usual.
 */
final class PublicKeyParts {

    /** A key id (short or long) or a v4 fingerprint, in capitals as gpg prints them (hex secrets are written small), an optional 0x before. */
    private static final Pattern KEY_ID = Pattern.compile("(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})");
    /** An OpenPGP user id: a name of words, an optional (comment), an e-mail address in angle brackets. */
    private static final Pattern USER_ID = Pattern.compile("[\\p{L}][\\p{L}0-9 .'-]{0,80}(?: \\([^()<>\\n]{1,80}\\))? <[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}>");
    /** Words only GnuPG's and apt's key messages hold. */
    private static final String[] MARKS = {"gpg: ", "NO_PUBKEY ", "EXPKEYSIG ", "BADSIG ", "GOODSIG ", "ERRSIG ", "VALIDSIG ", "KEYEXPIRED "};
    private static final int LOOK_BACK = 256;

    private PublicKeyParts() {
    }

    /**
     * A long key id or a fingerprint (16 or 40 capitals of {@link #KEY_ID}'s form, letters and digits both) wherever it
     * stands: after "key" in any program's line ({@code signature from key 3AA5C34371567BD2}) it is public too.
     */
    static boolean longKeyId(char[] t, int s, int e) {
        return (e - s == 16 || e - s == 40) && NearbyTokens.hexOfBothKinds(t, s, e, 'A');
    }

    /** True when t[s, e) is a key id or a user id in a line that GnuPG or apt printed, or an OpenSSH key type before its key. */
    static boolean publicPart(char[] t, int s, int e) {
        if (e - s > 400 || e - s < 7) {
            return false;
        }
        if (e + 5 <= t.length && t[e] == ' ' && RandomTokens.openSshKey(t, e + 1)) {
            return true; // ssh-ed25519 AAAAC3…: the type of a public key
        }
        String part = new String(t, s, e - s);
        return (KEY_ID.matcher(part).matches() || USER_ID.matcher(part).matches()) && gpgLine(t, s);
    }

    private static boolean gpgLine(char[] t, int s) {
        int from = s;
        while (from > 0 && s - from < LOOK_BACK && t[from - 1] != '\n') {
            from--;
        }
        String before = new String(t, from, s - from);
        for (String mark : MARKS) {
            if (before.contains(mark)) {
                return true;
            }
        }
        return false;
    }
}
