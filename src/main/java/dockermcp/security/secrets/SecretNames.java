package dockermcp.security.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the name of a variable, label, flag or key suggests that its value is a secret. The test is broad on
 * purpose (a substring anywhere, any case, no separators needed: {@code apikey}, {@code pgpassword}, {@code dbpwd});
 * the few harmless names it would otherwise catch are listed as exceptions, each one decided by a test.
 */
public final class SecretNames {

    /** Parts that make a name secret wherever they occur in it (lower case). */
    private static final List<String> PARTS = List.of("pass", "pwd", "phrase", "secret", "token", "key", "auth", "cred", "private",
            "sign", "salt", "cookie", "session", "dsn", "conn", "webhook", "otp", "bearer", "jwt", "hmac", "nonce", "apikey",
            "kubeconfig", "netrc", "npmrc", "htpasswd", "mnemonic", "pepper", "bindpw", "psw",
            // misspellings a password's name is written with (DB_PASWD, PSSWD, PASWORD, PASSWRD)
            "pasw", "pssw", "passwrd", "paswrd",
            // the word for password in other languages, read without accents (contraseña, hasło, lösenord, jelszó, şifre, parolă)
            "contrasena", "clave", "senha", "haslo", "wachtwoord", "parola", "salasana", "losenord", "adgangskode", "passord", "jelszo",
            "heslo", "sifre", "geslo", "lozinka", "kennwort", "passwort", "motdepasse", "mot_de_passe", "segreto", "secreto", "segredo",
            "sekret", "geheimnis", "katalaluan", "katasandi", "kata_sandi", "angou", "rahasia", "parole", "chiave", "matkhau", "mat_khau",
            "pwrd", "hemlig", "salainen", "titkos", "gizli", "tajne", "tajny", "sifra", "geheim", "секрет", "ключ",
            "秘密", "暗号", "비밀", "пароль", "κωδικ", "συνθηματικ",
            // the word for key (and secret, password) in more languages, and seeds and verifiers that are keys
            "noegle", "nøgle", "sleutel", "tunnussana", "avain", "paroli", "llave", "anahtar", "klucz", "mafteach", "mafteah", "schluessel",
            "schlussel", "hemmelig", "chave", "kunci", "zugangscode", "bi_mat", "bimat", "seed_word", "seedword", "seed_phrase", "wallet_seed",
            "walletseed", "shamir", "verifier", "kodeord", "lykilord", "parool",
            "パスワード", "密码", "密碼", "口令", "비밀번호", "암호");
    /** The parts, also as the detector reads them (Cyrillic and Greek lookalikes folded to Latin, accents off). */
    private static final List<String> READ_PARTS = PARTS.stream()
            .flatMap(p -> java.util.stream.Stream.of(p, withoutAccents(PlainView.of(p).text().toLowerCase(Locale.ROOT)))).distinct().toList();
    /** Parts that make a name secret only as a whole word (between separators or at either end). */
    private static final Pattern WORDS = Pattern.compile("(?:^|[^a-z0-9])(?:pw\\d?|pin\\d?|puk|sig|mfa|sas|2fa|totp|psk|priv|tok|pat|sk|cle|khoa|amho|sirr|siri|dek|kek)(?:$|[^a-z0-9])|access$");
    /** Harmless words removed before the test; the rest of the name is still tested (MONKEY_TOKEN stays secret). */
    private static final List<String> HARMLESS = List.of("keyboard", "keymap", "keyspace", "keynote", "keycloak", "keygen",
            "monkey", "donkey", "hockey", "turkey", "whiskey", "primary_key", "primarykey", "foreign_key", "sort_key", "partition_key",
            "public_key_id", "publickeyid", "passenger", "bypass", "compass", "passive", "passthrough", "design", "assign", "signal",
            "author", "authors", "gpg_key", "connect_timeout", "connection_timeout", "max_connections", "maxconnections", "connections_max",
            "connection_pool_size", "pool_connections", "gpg_keys", "gpg_key_id", "gpg_key_ids", "pgp_key_id", "pgp_key_ids", "pgp_keys", "abortconnect", "connecttimeout", "connectretry", "connect_retry", "reconnect", "disconnect", "connected", "tokenizers", "tokenizer", "enclave", "autoclave", "goprivate", "gonoproxy",
            // ssh options name a setting, never hold a secret (ssh -o StrictHostKeyChecking=accept-new)
            "stricthostkeychecking", "hostkeyalgorithms", "hostkeyalias", "updatehostkeys", "verifyhostkeydns", "pubkeyauthentication",
            "pubkeyacceptedalgorithms", "pubkeyacceptedkeytypes", "passwordauthentication", "kbdinteractiveauthentication",
            "challengeresponseauthentication", "preferredauthentications");
    /**
     * Words that say the value is about the secret, not the secret (a quantity, a setting, a place): with one of them
     * anywhere in the name as a whole word ({@code MAX_TOKENS}, {@code token_ttl}, {@code OAUTH_ISSUER},
     * {@code auth_method}), the value is shown when it has a harmless shape ({@link #METADATA_VALUE}).
     */
    private static final Pattern METADATA_WORD = Pattern.compile(
            "(?i)(?:^|.*[^a-z0-9])(?:file|path|dir|location|timeout|ttl|expiry|expires|expiration|lifetime|max_age|maxage|age|length|len|size|count"
                    + "|limit|limits|max|min|num|number|enabled|enable|disabled|required|interval|retries|rotation_days|min_length|store|driver|samesite"
                    + "|secure|httponly|algorithm|alg|parallelism|issuer|url|uri|endpoint|host|method|methods|type|types|header|used|usage|mode|format"
                    + "|provider|duration|window|rate|budget|total|remaining|version|scope|scopes|audience|realm|strategy|policy|level|backend"
                    + "|name|id|sock|socket|arn|alias|prompt|completion|input|output|cached|reasoning|random|allow|empty|generate|hash|algo|ref"
                    + "|prefix|suffix|hasher|hashing|namespace|field|column|claim|kind|class|label|address|headers|integrity"
                    + "|complexity|strength|rules|requirements|expire|disable|require|digits|period|seconds|minutes|hours|days|tolerance"
                    + "|skew|leeway|domains|domain|upstreams|upstream|uppercase|lowercase|symbols|affinity|sticky|persistence|agent|bytes|kb|mb|gb"
                    + "|iterations|rounds|cost|work_factor|cidr|cidrs|subnet|subnets|any|accept|insecure|skip|verify|debug)(?:[^a-z0-9].*|$)");
    /** Harmless shapes of a value: a number with a unit, a duration, a boolean, an enum word, a path, a URL without user info, a cookie's name (__Host-x). */
    private static final Pattern METADATA_VALUE = Pattern.compile(
            "(?:true|false|yes|no|on|off|lax|strict|none|\\*"
                    + "|(?:HS|RS|ES|PS)(?:256|384|512)|EdDSA|(?:\\d{1,12}(?:\\.\\d{1,6})?(?:ms|s|m|h|d|w|k|kb|mb|gb|KB|MB|GB|Ki|Mi|Gi)?){1,3}"
                    + "|md5|sha1|sha224|sha256|sha384|sha512|argon2id|argon2i|argon2d|pbkdf2|[a-z]{1,24}(?:[_-][a-z0-9]{1,24}){0,4}|[a-z][a-z0-9]{0,23}(?:[_-][a-z]{1,24}){1,4}|[A-Z]{1,24}(?:[_-][A-Z]{1,24}){0,3}|[A-Z][a-z]{0,23}(?:-[A-Z][a-z]{0,23}){0,4}|[A-Z][a-z]{1,23}(?:[A-Z][a-z]{1,23}){0,3}[A-Z]{0,4}"
                    + "|[a-z][a-z0-9_.-]{0,63}(?::[a-z0-9_.-]{1,63}){0,4}:|[a-z]{2,16}:[A-Za-z0-9_.-]{1,64}(?:/[A-Za-z0-9_.-]{1,64}){1,16}(?:#[A-Za-z0-9_.-]{1,64})?"
                    + "|(?:ed|x)(?:25519|448)|rsa(?:1024|2048|3072|4096|8192)|ecdsa(?:256|384|521)|p(?:256|384|521)|secp256[kr]1|[A-Z][A-Za-z]{0,23}(?: [A-Z][A-Za-z]{0,23}){1,4}|[a-z][a-z0-9]{0,23}[_-]|[a-z]{1,16}:[0-9]{1,4}(?:,[a-z]{1,16}:[0-9]{1,4}){0,15}"
                    + "|\\d{1,3}(?:\\.\\d{1,3}){3}/\\d{1,2}(?:,\\d{1,3}(?:\\.\\d{1,3}){3}/\\d{1,2}){0,15}|[a-z]{1,12}_[0-9A-HJKMNP-TV-Z]{26}"
                    + "|[A-Za-z][A-Za-z0-9-]{0,63}(?:, ?[A-Za-z][A-Za-z0-9-]{0,63}){1,31}|sha(?:256|384|512)-[A-Za-z0-9+/]{43,86}={0,2}|__(?:Host|Secure)-[A-Za-z0-9_.-]{1,64}|(?:/[A-Za-z0-9_.@-]{1,64}){1,16}/?|[a-z0-9_.@-]{1,64}(?:/[a-z0-9_.@-]{1,64}){1,16}/?|\\.?[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}(?::\\d{1,5})?|[a-z][a-z0-9+.-]{1,16}://[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?(?:/[A-Za-z0-9_.~-]{0,64}){0,16}(?:\\?[A-Za-z0-9_.~=&%:/-]{0,256})?)");

    private SecretNames() {
    }

    /** Names repeat (level, msg, status in every log line): decisions are remembered, up to a bound. */
    private static final int CACHE_MAX = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** True when the name suggests a secret value. */
    public static boolean suggestsSecret(String name) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            return name != null && name.length() > 256;
        }
        Boolean known = CACHE.get(name);
        if (known != null) {
            return known;
        }
        boolean secret = decide(name);
        if (CACHE.size() >= CACHE_MAX) {
            CACHE.clear(); // hostile text full of distinct names costs a recomputation, never unbounded memory
        }
        CACHE.put(name, secret);
        return secret;
    }

    /** The same decisions read from the characters of a name: a direct-mapped table by their hash answers a repeated name without a copy. */
    private static final Decision[] BY_CHARS = new Decision[1024];

    private record Decision(String name, boolean secret) {
    }

    /** True when the name t[s, e) suggests a secret value ({@link #suggestsSecret(String)}, without a copy when the name was seen). */
    static boolean suggestsSecret(char[] t, int s, int e) {
        int len = e - s;
        if (len <= 0 || len > 256) {
            return len > 256;
        }
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + t[i];
        }
        int slot = (h ^ h >>> 16) & (BY_CHARS.length - 1);
        Decision d = BY_CHARS[slot]; // racy on purpose: a record's fields are final, a lost write only costs a recomputation
        if (d != null && sameName(d.name(), t, s, e)) {
            return d.secret();
        }
        String name = new String(t, s, len);
        boolean secret = suggestsSecret(name);
        BY_CHARS[slot] = new Decision(name, secret);
        return secret;
    }

    private static boolean sameName(String name, char[] t, int s, int e) {
        if (name.length() != e - s) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (name.charAt(i - s) != t[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean decide(String name) {
        String lower = withoutAccents(name.toLowerCase(Locale.ROOT));
        for (String h : HARMLESS) {
            lower = withoutWord(lower, h);
        }
        for (String p : READ_PARTS) {
            if (lower.contains(p)) {
                return true;
            }
        }
        String folded = leetFolded(lower);
        if (folded != null) {
            for (String p : PARTS) {
                if (p.length() >= 4 && folded.contains(p)) {
                    return true; // DB_P4SSWORD, S3CRET, T0KEN: digits written for letters
                }
            }
        }
        String joined = lower.replaceAll("[^a-z0-9]", "");
        for (String c : COMPOUNDS) {
            if (joined.contains(c)) {
                return true;
            }
        }
        if (joined.equals("community")) {
            return true; // community=x alone: an SNMP community string (snmpd.conf, a device's settings)
        }
        // camelCase words count as words too: adminPin, userPuk, ldapBindPw
        // (only in a name written in camelCase: a random token's case switches, dXNlcjPUkQ, make no words)
        return WORDS.matcher(lower).find() || CAMEL_NAME.matcher(name).matches()
                && WORDS.matcher(withoutAccents(CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT))).find();
    }

    /** The name with digits written for letters read as the letters (4 a, 5 s, 0 o, 1 i, 3 e, 7 t, @ a, $ s), or null when it has none. */
    private static String leetFolded(String lower) {
        boolean any = false;
        char[] c = lower.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char f = switch (c[i]) {
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '7' -> 't';
                default -> c[i];
            };
            any |= f != c[i];
            c[i] = f;
        }
        return any ? new String(c) : null;
    }

    /** Secret words of two words, whatever joins them (RECOVERY_CODES, recovery-codes, recoveryCodes). */
    private static final List<String> COMPOUNDS = List.of("recoverycode", "backupcode", "bindpw", "unsealkey", "accesscode", "securitycode",
            "verificationcode", "snmpcommunity", "communitystring", "rocommunity", "rwcommunity", "setupcode", "pairingcode", "unlockcode",
            "activationcode", "enrollmentcode", "enrolmentcode", "authcode", "logincode", "otpcode", "contrasenia",
            // a password word glued to its owner with no separator
            "masterpw", "adminpw", "rootpw", "userpw", "superpw", "masterpwd", "adminpwd", "rootpwd",
            // Consul's and Nomad's ACL token (SecretID), Vault AppRole's secret_id
            "secretid");

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    /** A camelCase identifier: lower-case words, each after the first starting with one capital (adminPin, ldapBindPw). */
    private static final Pattern CAMEL_NAME = Pattern.compile("[a-z][a-z0-9]{0,31}(?:[A-Z][a-z0-9]{1,31}){1,6}");

    /**
     * The name with the accents of Latin and Greek letters taken off ({@code contraseña} reads {@code contrasena},
     * {@code hasło} {@code haslo}, {@code κωδικός} {@code κωδικος}); other scripts (kana, Hangul, CJK) are kept as they are.
     */
    static String withoutAccents(String lower) {
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 0x80;
        }
        if (ascii) {
            return lower;
        }
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 0x80 || c >= 0x2000) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case 'ł' -> sb.append('l');
                case 'ı' -> sb.append('i');
                case 'ø' -> sb.append('o');
                case 'đ' -> sb.append('d');
                case 'ß' -> sb.append("ss");
                default -> {
                    String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
                    sb.append(d.charAt(0));
                }
            }
        }
        return sb.toString();
    }

    /** The name with every occurrence of the harmless word that stands as a word (no letter either side) blanked out. */
    private static String withoutWord(String name, String word) {
        int at = name.indexOf(word);
        if (at < 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name);
        while (at >= 0) {
            int end = at + word.length();
            boolean alone = (at == 0 || !Character.isLetter(name.charAt(at - 1))) && (end == name.length() || !Character.isLetter(name.charAt(end)));
            if (alone) {
                for (int i = at; i < end; i++) {
                    sb.setCharAt(i, '_');
                }
            }
            at = name.indexOf(word, at + 1);
        }
        return sb.toString();
    }

    /**
     * True when a secret-suggesting name only describes a secret (a file, a timeout, a driver) and the value has that
     * harmless shape: {@code JWT_SECRET_FILE=/run/secrets/jwt}, {@code SESSION_COOKIE_SECURE=true}.
     */
    public static boolean describesSecret(String name, String value) {
        return name.length() <= 128 && value.length() <= 256 && !CONTENT_NAME.matcher(name).matches()
                && (COUNTER_NAME.matcher(name).matches() && COUNTER.matcher(value).matches() || (METADATA_WORD.matcher(name).matches() || METADATA_WORD.matcher(CAMEL.matcher(name).replaceAll("$1_$2")).matches())
                && METADATA_VALUE.matcher(value).matches() || OBJECT_KEY_NAME.matcher(name).matches() && OBJECT_KEY.matcher(value).matches());
    }

    /**
     * A count of tokens in or out ({@code tokens_in=812}, {@code output_tokens: 247}, {@code tokensUsed}): a model's usage, a
     * number of nine digits at most; the name says which way, so a PIN under {@code TOKEN} alone still goes.
     */
    /** A name for a file's or a secret's content itself (CERT_PASSPHRASE_FILE_CONTENT, KEY_DATA): never a description of it. */
    private static final Pattern CONTENT_NAME = Pattern.compile("(?i).*[^a-z0-9](?:content|contents|data|value|body|b64|base64|raw|text)"
            + "|(?:.*[^A-Za-z])?(?:secret|Secret|SECRET)[_ .-]?(?:id|Id|ID)"); // SecretID: Consul's and Nomad's ACL token, Vault AppRole's secret_id
    private static final Pattern COUNTER_NAME = Pattern.compile("(?i)(?:.*[^a-z])?(?:tokens?[_.-]?(?:in|out|sent|received|used|left|billed"
            + "|cached|generated|consumed|spent)|(?:in|out|sent|received|used|billed|cached|generated|consumed|reasoning|output|input|prompt"
            + "|completion|context|window|total|max)[_.-]?tokens?)");
    private static final Pattern COUNTER = Pattern.compile("[0-9]{1,9}");

    /** An object store's key names a file: {@code key=2026/11/30/export.csv} (S3 PutObject, GCS, MinIO logs). */
    private static final Pattern OBJECT_KEY_NAME = Pattern.compile("(?i)(?:object_?|s3_?|blob_?)?key");
    /** Lower-case path segments, the last a file name with an extension: a random key (mixed case, '+') never has this shape. */
    private static final Pattern OBJECT_KEY = Pattern.compile("(?:[a-z0-9_.=-]{1,64}/){1,16}[a-z0-9_=-][a-z0-9_.=-]{0,63}\\.[a-z0-9]{1,8}");

    /** True when a value under this name is shown: the name suggests no secret, or it only describes one, or the value is a file's path. */
    public static boolean allowsValue(String name, String value) {
        return !suggestsSecret(name) || describesSecret(name, value) || SCOPE_NAME.matcher(name).matches() && SCOPE_LIST.matcher(value).matches()
                || filePath(name, value) || CONNECTION_NAME.matcher(name).matches() && hostAndOptions(value)
                || name.equalsIgnoreCase("key") && KEY_NAME.matcher(value).matches();
    }

    /** A property list's {@code <key>Password</key>}: the element holds a name (letters only, words), the value is the next element. */
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z][A-Za-z_. -]{1,62}[A-Za-z]");

    /**
     * Where to connect and how, no credential: {@code redis-primary:6379,abortConnect=false,connectTimeout=5000} (StackExchange.Redis):
     * hosts and ports, then options whose names say nothing of a secret and whose values are words or numbers.
     */
    private static boolean hostAndOptions(String value) {
        if (value.length() > 512) {
            return false;
        }
        String[] parts = value.split(",", -1);
        if (!HOST_PORT.matcher(parts[0]).matches()) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0 ? !HOST_PORT.matcher(parts[i]).matches()
                    : CREDENTIAL_OPTION.matcher(parts[i].substring(0, eq)).matches() || !OPTION.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** An option that carries a credential (abortConnect and connectTimeout say how to connect: not these). */
    private static final Pattern CREDENTIAL_OPTION = Pattern.compile("(?i).*(?:pass|pwd|secret|token|key|auth|cred|sig|user|login).*");
    private static final Pattern OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,40}=(?:[A-Za-z]{1,16}|[0-9]{1,9})");

    /** A connection's name, and a value that only says where to connect: {@code ConnectionStrings__Redis=redis:6379}. */
    private static final Pattern CONNECTION_NAME = Pattern.compile("(?i).*(?:conn|dsn|url|uri|addr|endpoint).*");
    private static final Pattern HOST_PORT = Pattern.compile("[a-z][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,8}:[0-9]{2,5}");

    /** An absolute path: the shell's working directories (PWD, OLDPWD) hold one whatever it is. */
    private static final Pattern SHELL_DIRS = Pattern.compile("PWD|OLDPWD");
    private static final Pattern PATH = Pattern.compile("(?:~|\\.{1,2})?(?:/[A-Za-z0-9_.@-]{1,64}){0,16}/?");

    /**
     * A value that is a path names where a secret is, not the secret ({@code GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/
     * google/key.json}): shown when it has two segments or more and none of them looks generated (a password made to
     * look like a path, {@code /Xk9fQ2mP7vL4}, still goes); one segment is enough under {@code PWD} and {@code OLDPWD}.
     */
    private static boolean filePath(String name, String value) {
        if (value.length() > 512 || !PATH.matcher(value).matches()) {
            return false;
        }
        int segments = 0;
        for (String segment : value.split("/")) {
            if (segment.isEmpty() || segment.equals("~") || segment.startsWith(".") && segment.length() <= 2) {
                continue;
            }
            segments++;
            char[] c = segment.toCharArray();
            if (RandomTokens.isRandom(c, 0, c.length, name) || PasswordShapes.looksMadeUp(segment) || generatedRun(segment)) {
                return false;
            }
        }
        return segments >= 2 || segments <= 1 && value.startsWith("/") && SHELL_DIRS.matcher(name).matches();
    }

    /**
     * A segment with a run (between . - _ @) of eight characters or more that goes from letters to digits and back
     * ({@code RZq91950526Xw}) or switches case four times: generated, not a file name ({@code id_ed25519}, {@code lib64},
     * {@code python3.11}, {@code service-account.json} are not).
     */
    private static boolean generatedRun(String segment) {
        for (String run : segment.split("[._@-]")) {
            if (run.length() < 8) {
                continue;
            }
            int switches = 0;
            int kinds = 0;
            int last = 0;
            int lastKind = 0;
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                int kase = Character.isUpperCase(c) ? 2 : Character.isLowerCase(c) ? 1 : 0;
                int kind = Character.isDigit(c) ? 1 : 2;
                switches += kase != 0 && last != 0 && kase != last ? 1 : 0;
                kinds += lastKind != 0 && kind != lastKind ? 1 : 0;
                last = kase != 0 ? kase : last;
                lastKind = kind;
            }
            if (switches >= 4 || kinds >= 2) {
                return true;
            }
        }
        return false;
    }

    /** OAuth scopes name permissions, never a secret: {@code OAUTH_SCOPES=openid profile email}. */
    private static final Pattern SCOPE_NAME = Pattern.compile("(?i)(?:.*[^a-z0-9])?scopes?");
    private static final Pattern SCOPE_LIST = Pattern.compile("[a-z][a-z0-9:._/-]{0,63}(?:[ ,][a-z][a-z0-9:._/-]{0,63}){0,31}");
}
