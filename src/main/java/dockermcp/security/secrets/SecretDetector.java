package dockermcp.security.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free-text detector: key blocks, provider tokens, URL user info, secret assignments and flags, and random
 * tokens next to a keyword or alone on their line. Every part is a single pass or a bounded match per keyword,
 * so the cost grows linearly with the text, whatever the text is.
 */
public final class SecretDetector {

    /** The built-in rules alone: what decoded text (character codes, wrapped base64) is read with. */
    static final SecretDetector RULES_ONLY = new SecretDetector(List.of());

    private final List<Pattern> operatorPatterns;

    public SecretDetector(List<Pattern> operatorPatterns) {
        this.operatorPatterns = List.copyOf(operatorPatterns);
    }

    /** The ranges of the text that hold secrets. */
    public Spans find(CharSequence text) {
        return find(text, true);
    }

    /** What {@link #find(CharSequence)} found, and which of the rules' keywords the text holds (read in the same pass). */
    public record Findings(Spans spans, Keywords.Found words) {
    }

    /** The ranges of free text that hold secrets, and the keywords it holds ({@link Keywords#WRAP_COMMANDS} among them). */
    public Findings findWithWords(CharSequence text) {
        return findAll(text, true);
    }

    /** @param freeText true for free text; false for a configuration value, where a token alone is judged by its name */
    Spans find(CharSequence text, boolean freeText) {
        return findAll(text, freeText).spans();
    }

    private Findings findAll(CharSequence text, boolean freeText) {
        if (text == null || text.isEmpty()) {
            return new Findings(new Spans(), Keywords.RULES.in(new char[0]));
        }
        String s = text.toString();
        char[] chars = s.toCharArray(); // the scanners read an array: far cheaper per character than CharSequence.charAt
        if (unifyBlanks(chars)) { // password\u3000x: an ideographic or no-break space separates as a blank does
            s = new String(chars);
            text = s;
        }
        String plain = s;
        CharSequence read = text;
        Spans byName = new Spans();
        Spans tokens = new Spans();
        Keywords.Found words = Keywords.RULES.in(chars); // one pass: a rule whose keyword is absent skips its own search
        // two halves of about equal cost, no rule reading another's findings: on a long text they run at once (Halves)
        Runnable byWords = () -> findByWords(chars, plain, words, byName, freeText);
        Runnable byTokens = () -> findByTokens(chars, read, words, tokens, freeText);
        Halves.both(chars.length, byWords, byTokens);
        byName.addAll(tokens);
        GluedTails.extend(chars, byName); // the random rest of a token whose part was found (<id>|<key>, sdk-1/<key>/<key>), a key id's secret
        Spans spans = Placeholders.shown(chars, byName); // ${DB_PASSWORD}, %DB_PASSWORD%, {{ .Values.x }}, <redacted>: no value
        for (Pattern p : operatorPatterns) { // the operator's own patterns (REDACT_PATTERNS), trusted as written
            Matcher m = p.matcher(text);
            while (m.find()) {
                spans.add(m.start(), m.end());
            }
        }
        return new Findings(spans, words);
    }

    /** The rules that start from a keyword, a name or a program: a word the text holds; and three that read no keyword (cost). */
    private static void findByWords(char[] chars, String s, Keywords.Found words, Spans spans, boolean freeText) {
        String lower = KeyMaterial.lowerAscii(chars);
        if (words.has("://")) {
            UrlCredentials.find(chars, spans);
        }
        if (words.has("kty")) {
            JwkMembers.find(chars, s, spans);
        }
        Assignments.find(chars, spans);
        KeyMaterial.find(chars, s, lower, words, spans);
        ProgramArguments.find(chars, lower, spans); // 7z x -pX, openssl passwd X, schtasks /RP X, echo X | sudo -S: by the program, no keyword
        PasswordPairs.find(chars, s, lower, spans);
        LineShapes.find(chars, s, lower, words, spans); // redis.conf requirepass x, chap-secrets, IMAP LOGIN u x, password -> x, parola d'ordine: x, SECRET_Xk9.. names
        ConfigDumps.find(chars, words, spans); // whole config files and dumps: the name and its value apart (XML, tables, SQL, banners)
        LinePairs.find(chars, spans); // a name line and its value line through the wrapper both carry (log prefix, JSON record, box, element pair)
        NextLineValues.find(chars, words, spans, freeText); // 1) "requirepass" / 2) "x", /config/db/password / x, form-data name="password", RESP AUTH
        if (freeText) {
            SentenceValues.find(chars, words, spans); // Initial password for user admin is Wr4!nBq8Lm2x, admin token mLN9PG*599OfiQ5M (shown once)
        }
        DefaultValues.find(chars, words, spans); // password = os.getenv("X", "x"), ${DB_PASS:-x}, process.env.X || "x", | default "x", !secret x
        SiblingFields.find(chars, s, words, spans); // cs1Label=password cs1=x, #fields … password / rows, S'password' / S'x', {"S": x}, JSON patch, anchors, export X=
        // read no keyword, but here: the token half costs more (bench/RedactorRuleCpu.java), and the halves run at once
        KeyBlocks.find(chars, spans);
        CredentialWrites.find(chars, spans); // echo x > ~/.pgpass, echo x | chpasswd: no keyword needed
        AuthSchemes.find(chars, spans); // Authorization headers, ?token= in a query, JWTs
    }

    /**
     * The rules that start from a token's shape (provider prefixes, random and encoded runs, URL user info), and the structure
     * rule (JSON, tables, XML), which needs neither the keyword pass nor the lowered text.
     */
    private static void findByTokens(char[] chars, CharSequence text, Keywords.Found words, Spans spans, boolean freeText) {
        ProviderRules.builtIn().find(chars, text, spans); // compiled at the first redaction, not at start-up
        UrlCredentials.findBare(chars, spans);
        CapabilityUrls.find(chars, spans); // a webhook's, a check-in's or a stream's key as a path segment, a key in a short query value
        NearbyTokens.findWithVendorTokens(chars, spans, freeText); // random tokens near a keyword or alone; provider token families
        EncodedForms.find(chars, words, spans); // an assignment in rot13, reversed, base32, ascii85, uuencode or hex: decoded and read
        ByteLists.find(chars, spans); // [112, 97, …], fromCharCode(…), []byte{0x70, …}: character codes decoded and read
        KeylessEncodings.find(chars, spans); // [80 117 …] under a key name, proctitle=<hex argv>, Thread datasets, base64 keystores and DER keys
        HexDumps.find(chars, spans); // hexdump -C, xxd, tcpdump -X, od -c: the rows' bytes decoded, joined and read
        WrappedBase64.find(chars, spans); // base64 folded over lines (MIME, an indented header): the chunks joined, decoded and read
        NamedValues.find(chars, spans); // a name in a structure position marks its value position, across lines (JSON name/value, tables, XML)
    }

    /** Reads every Unicode blank (no-break, ideographic, en and em spaces…) as a space, in place; true when one was there. */
    private static boolean unifyBlanks(char[] t) {
        boolean any = false;
        for (int i = 0; i < t.length; i++) {
            char c = t[i];
            if (c > 0x7f && c != '\u2028' && c != '\u2029' && Character.isSpaceChar(c)) {
                t[i] = ' ';
                any = true;
            }
        }
        return any;
    }

    /** True when any rule matches a configuration value. */
    public boolean matches(CharSequence text) {
        return !find(text, false).isEmpty();
    }

    /** The text with every secret replaced by the marker. */
    public String redact(String text, String marker) {
        return text == null || text.isEmpty() ? text : find(text).apply(text, marker);
    }
}
