package dockermcp.security.secrets;

import static dockermcp.security.secrets.ConfigDumps.hide;
import static dockermcp.security.secrets.ConfigDumps.indexOf;
import static dockermcp.security.secrets.ConfigDumps.skipSpace;

/**
 * Credential files printed whole (cat in a start script, a config dump) whose lines name a user, not a secret:
 * CouchDB's {@code [admins]} section ({@code admin = x}, every value there is a password or its hash) and Jetty's
 * realm.properties ({@code user: x, role, role}, the value before the roles when it mixes capitals, small letters and digits or has a password's shape; its
 * {@code OBF:}/{@code MD5:}/{@code CRYPT:} forms are provider rules). One pass over the lines.
 */
final class CredentialFiles {

    private static final String ADMINS = "[admins]";
    private static final int MAX_NAME = 64;
    /** The longest value taken for a realm password (longer is a list or prose). */
    private static final int MAX_VALUE = 128;

    private CredentialFiles() {
    }

    static void find(char[] t, Spans spans) {
        boolean admins = false;
        boolean anyAdmins = indexOf(t, ADMINS, 0, t.length) >= 0;
        int ls = 0;
        while (ls < t.length) {
            int le = indexOf(t, '\n', ls, t.length);
            le = le < 0 ? t.length : le;
            int s = skipSpace(t, ls, le, false);
            int e = le;
            while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) {
                e--;
            }
            if (s < e && t[s] == '[') {
                admins = anyAdmins && e - s == ADMINS.length() && indexOf(t, ADMINS, s, e) == s;
            } else if (s < e && t[s] != '#' && t[s] != ';') {
                int sep = nameEnd(t, s, e);
                if (sep > s && admins && t[sep] == '=') {
                    hide(t, skipSpace(t, sep + 1, e, false), e, spans); // admin = plaintext, or its -pbkdf2- hash
                } else if (sep > s && !admins) {
                    realmLine(t, skipSpace(t, sep + 1, e, false), e, spans);
                }
            }
            ls = le + 1;
        }
    }

    /** The position of the ':' or '=' after a user name at s (blanks allowed before it), or -1. */
    private static int nameEnd(char[] t, int s, int e) {
        int i = s;
        while (i < e && i - s < MAX_NAME && (Character.isLetterOrDigit(t[i]) || t[i] == '_' || t[i] == '.' || t[i] == '@' || t[i] == '-')) {
            i++;
        }
        int n = i;
        i = skipSpace(t, i, e, false);
        return n > s && i < e && (t[i] == ':' || t[i] == '=') ? i : -1;
    }

    /** {@code x, role[, role…]} to the line's end: x goes when it has a password's shape. */
    private static void realmLine(char[] t, int v, int e, Spans spans) {
        int comma = indexOf(t, ',', v, e);
        if (comma <= v || comma - v > MAX_VALUE) {
            return;
        }
        for (int i = v; i < comma; i++) {
            if (t[i] == ' ' || t[i] == '\t') {
                return; // a list of words (Accept: text/html, …), not one value
            }
        }
        for (int i = comma; i < e; ) { // the roles: words joined by commas
            i = skipSpace(t, i + 1, e, false);
            int w = i;
            while (i < e && (Character.isLetterOrDigit(t[i]) || t[i] == '_' || t[i] == '-')) {
                i++;
            }
            i = skipSpace(t, i, e, false);
            if (i == w || i < e && t[i] != ',') {
                return;
            }
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = v; i < comma; i++) {
            upper |= t[i] >= 'A' && t[i] <= 'Z';
            lower |= t[i] >= 'a' && t[i] <= 'z';
            digit |= t[i] >= '0' && t[i] <= '9';
        }
        // every class over 8 characters (FEuybh61_CZkN) or a password's shape; a word, node1, V1Beta2 or no-cache before a list stay
        if (upper && lower && digit && comma - v >= 8 || PasswordShapes.looksMadeUp(new String(t, v, comma - v)) || RandomTokens.isRandom(t, v, comma, null)) {
            hide(t, v, comma, spans);
        }
    }
}
