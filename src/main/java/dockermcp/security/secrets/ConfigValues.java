package dockermcp.security.secrets;

import dockermcp.config.EnvRedaction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for configuration (env, labels, command, entrypoint, image history): a value is shown only when it is
 * judged harmless. Its name or flag suggests no secret, no detector rule matches it, and it holds no random-looking
 * token that is not a known harmless form. Otherwise the value becomes the marker; names stay visible.
 */
public final class ConfigValues {

    /** An OpenSSH public key line: key type, base64 key, an optional comment of one word (user@host). */
    private static final java.util.regex.Pattern PUBLIC_KEY = java.util.regex.Pattern.compile(
            "(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com) AAAA[A-Za-z0-9+/]{16,1024}={0,3}"
                    + "(?: [A-Za-z0-9_.+-]{1,64}(?:@[A-Za-z0-9_.-]{1,253})?)?");

    /**
     * Keys the providers publish in web pages (Stripe's publishable {@code pk_live_}/{@code pk_test_}, PostHog's project
     * {@code phc_}): shown under a name whose only secret word is "key".
     */
    private static final Pattern PUBLISHABLE_KEY = Pattern.compile("pk_(?:live|test)_[A-Za-z0-9]{10,247}|phc_[A-Za-z0-9]{43}");
    private static final Pattern KEY_WORD = Pattern.compile("(?i)key");
    /** 16 bytes in unpadded base64url (a UUID as Kafka's kafka-storage random-uuid prints it) under a name ending in ID. */
    private static final Pattern SHORT_UUID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern ID_NAME = Pattern.compile("(?:.*[^A-Za-z])?(?:ID|Id|id|IDS|Ids|ids|UUID|uuid|KSUID|ksuid|ULID|ulid|NANOID|nanoid)|.*[a-z0-9](?:Id|Ids|Uuid)");
    /** A git revision under a version's name: {@code SOURCE_VERSION=<40 hex>} (Heroku), {@code BUILD_REVISION}, {@code GIT_COMMIT}. */
    private static final Pattern REVISION_NAME = Pattern.compile("(?:.*[^A-Za-z])?(?:VERSION|REVISION|COMMIT|SHA|SHA1|REF)");
    private static final Pattern REVISION = Pattern.compile("[0-9a-f]{7,64}");
    /** A flag under a secret's name: {@code MYSQL_ONETIME_PASSWORD=yes}, {@code MYSQL_ALLOW_EMPTY_PASSWORD=true} say how, not what. */
    private static final Pattern FLAG = Pattern.compile("(?i)yes|no|true|false|on|off");
    /**
     * Identifiers of known forms (a random key under an id's name still goes, SecretCorpus' {@code UPSTREAM_ID}): hexadecimal
     * (a MongoDB ObjectId), an AWS X-Ray trace id, a KSUID (27 base62), a NanoID (21), Stripe object ids ({@code price_…}).
     */
    private static final Pattern ID_VALUE = Pattern.compile("[0-9a-f]{8,64}|[0-9A-F]{8,64}|1-[0-9a-f]{8}-[0-9a-f]{24}"
            + "|(?:price|prod|cus|sub|pi|in|ch|evt|pm|seti|acct|txn|po|re|src|card|ba|cs_test|cs_live|plink|si|ii)_[A-Za-z0-9]{8,64}"
            + "|[a-z]{1,12}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"); // job_<uuid>
    /**
     * Values whose whole form is public, ids and addresses that say what they are: a W3C trace parent, an X-Ray trace header,
     * a Cloudflare ray id, a go.sum hash, a Nix store path, an age recipient, a Nostr npub, a Bitcoin bech32 address, an
     * Ethereum address, an IPFS CID, a libp2p peer id, a content digest. Shown under a name that suggests no secret.
     */
    private static final Pattern PUBLIC_VALUE = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"
            + "|(?:Root=)?1-[0-9a-f]{8}-[0-9a-f]{24}(?:;Parent=[0-9a-f]{16})?(?:;Sampled=[01?])?|[0-9a-f]{16}-[A-Z]{3}"
            + "|h1:[A-Za-z0-9+/]{43}=|/nix/store/[0-9a-df-np-sv-z]{32}-[A-Za-z0-9+._?=-]{1,200}(?:/[A-Za-z0-9+._?=/-]{0,400})?"
            + "|(?:age|npub|bc|tb)1[02-9ac-hj-np-z]{38,90}|0x[0-9a-fA-F]{40}|bafy[a-z2-7]{50,60}|Qm[1-9A-HJ-NP-Za-km-z]{44}"
            + "|12D3KooW[1-9A-HJ-NP-Za-km-z]{44}|sha(?:256|384|512):[0-9a-f]{64,128}");
    /** Public keys in base64 under a name that says public (WireGuard's 32 bytes, minisign's RW…): the name's "key" is the public one. */
    private static final Pattern PUBLIC_KEY_BASE64 = Pattern.compile("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=|RW[A-Za-z0-9+/]{54}");
    private static final Pattern PUBLIC_NAME = Pattern.compile("(?i)(?:.*[^a-z])?(?:pub|public|pubkey|publickey|recipient|recipients|address|verify|verifying)(?:[^a-z].*)?");
    private static final Pattern NOT_PUBLIC_NAME = Pattern.compile("(?i).*(?:priv|secret|pass|seed|psk|preshared|pre_shared|mnemonic|token).*");
    /** A ULID after a short kind ({@code dep_01JEA7…}): Crockford base32, its first character a time's (0-7). */
    private static final Pattern PREFIXED_ULID = Pattern.compile("[a-z]{1,12}_[0-7][0-9A-HJKMNP-TV-Z]{25}");
    /** A platform's resource id: a short lower-case kind and a lower-case id ({@code srv-…}, {@code i-…}, {@code vol-…}, {@code sg-…}). */
    private static final Pattern RESOURCE_ID = Pattern.compile("[a-z]{1,8}-[a-z0-9]{8,40}");
    /** Kinds that begin a key, not a resource ({@code sk-…}, {@code pat-…}). */
    private static final Pattern SECRET_PREFIX = Pattern.compile("(?:sk|pk|rk|ak|key|api|apikey|token|tok|secret|pat|pw|pwd|pass|auth|sess|sid|psk)-.*");
    /**
     * Names and addresses a platform sets: an Amazon Resource Name (an ARN names a task, a role or a secret; it is not one) and
     * an endpoint on a link-local metadata address (ECS, EC2, Azure and GCP metadata services).
     */
    private static final Pattern PLATFORM_NAME = Pattern.compile("arn:aws[a-z-]{0,12}:[a-z0-9-]{1,40}:[a-z0-9-]{0,30}:[0-9]{0,12}:[A-Za-z0-9/_.:+=@,-]{1,1024}"
            + "|https?://169\\.254\\.[0-9]{1,3}\\.[0-9]{1,3}(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]{1,200}){0,12}/?");
    private static final Pattern KSUID = Pattern.compile("[0-9A-Za-z]{27}");
    private static final Pattern NANOID = Pattern.compile("[A-Za-z0-9_-]{21}");
    /** Labels the engine puts on a swarm task's container: its node, service and task ids (25 small letters and digits) and the task's name. */
    private static final String SWARM_LABELS = "com.docker.swarm.";
    private static final Pattern SWARM_ID = Pattern.compile("(?:[a-z0-9][a-z0-9_.-]{0,62}\\.[0-9]{1,5}\\.)?[a-z0-9]{25}");

    private final SecretDetector detector;
    private final EnvRedaction env;
    private final String marker;

    public ConfigValues(SecretDetector detector, EnvRedaction env, String marker) {
        this.detector = detector;
        this.env = env;
        this.marker = marker;
    }

    /** True when a value under this name may be shown. */
    public boolean harmless(String name, String value) {
        // read as a program would: fullwidth and homoglyph letters, invisible characters and %-escapes cannot disguise it
        String n = PlainView.of(name).text();
        String v = PlainView.of(value).text();
        if (PUBLIC_KEY.matcher(v).matches()) {
            return true; // an OpenSSH public key (PUBLIC_KEY=ssh-ed25519 AAAA... user@host) is not a secret
        }
        if (PUBLISHABLE_KEY.matcher(v).matches() && !SecretNames.suggestsSecret(KEY_WORD.matcher(n).replaceAll(""))) {
            return true; // STRIPE_KEY=pk_live_…: published in web pages by design; STRIPE_SECRET_KEY=pk_… still goes by its name
        }
        if ((PUBLIC_VALUE.matcher(v).matches() || PUBLIC_KEY_BASE64.matcher(v).matches() && PUBLIC_NAME.matcher(n).matches())
                && (!SecretNames.suggestsSecret(n) || PUBLIC_NAME.matcher(n).matches()) && !NOT_PUBLIC_NAME.matcher(n).matches()) {
            return true; // OTEL_TRACE_PARENT, GO_SUM_HASH, AGE_RECIPIENT, WG_PEER_PUBLIC_KEY, MINISIGN_PUBKEY: public by what they are
        }
        if ((SHORT_UUID.matcher(v).matches() || PREFIXED_ULID.matcher(v).matches()) && ID_NAME.matcher(n).matches() && !SecretNames.suggestsSecret(n)) {
            // (DEPLOYMENT_ID=dep_01JEA7M3Q9VZ8K2N4R6T8W0Y1X: a ULID's time in its first characters, after a kind's prefix)
            return true; // CLUSTER_ID=q1Sh-9_ISia_zwGINzRvyQ: Kafka's id is a UUID in base64url, an id as a UUID is
        }
        if ((ID_NAME.matcher(n).matches() && idForm(n, v) || n.startsWith(SWARM_LABELS) && SWARM_ID.matcher(v).matches())
                && !SecretNames.suggestsSecret(n) && !detector.matches(v)) {
            return true; // an id of a known form under an id's name (MONGO_OBJECT_ID, EVENT_KSUID, com.docker.swarm.task.id)
        }
        if (ID_NAME.matcher(n).matches() && RESOURCE_ID.matcher(v).matches() && !SECRET_PREFIX.matcher(v).matches() && !SecretNames.suggestsSecret(n)) {
            return true; // RENDER_SERVICE_ID=srv-ct8q2bm8ii6s73a1k2lg, INSTANCE_ID=i-0abc…: a platform's resource id under an id's name
        }
        if (PLATFORM_NAME.matcher(v).matches() && !SecretNames.suggestsSecret(n) && !detector.matches(v)) {
            return true; // an ARN, a link-local metadata endpoint (ECS_CONTAINER_METADATA_URI_V4): names and addresses the platform sets
        }
        if (FLAG.matcher(v).matches() || REVISION_NAME.matcher(n).matches() && REVISION.matcher(v).matches() && !SecretNames.suggestsSecret(n)) {
            return true;
        }
        if (USER_AGENT_NAME.matcher(n).matches() && userAgent(v) && !detector.matches(v)) {
            return true; // AZURE_HTTP_USER_AGENT=VSTS_a3e1b9c0_build_8_0: products, versions and a build's short id
        }
        if (listOfHarmless(n, v)) {
            return true; // PHP_GPG_KEYS=<fingerprint> <fingerprint>, OPENSSL_PGP_KEY_IDS=0x… 0x…: each item shown alone, the list is too
        }
        char[] chars = URL_VALUE.matcher(v).matches() ? pathIdsBlanked(v) : v.toCharArray();
        return SecretNames.allowsValue(n, v) && !detector.matches(v) && !RandomTokens.any(chars, n) && !RandomTokens.anySplitKey(chars)
                && !PasswordShapes.looksMadeUp(v) // too short for entropy: WPr0WRMIoXzA, Maple-harbor12!
                && !madeUpWord(v); // a sentence holding one: "db pw is Xk9!mP2q"
    }

    /** A list of 2 to 16 key ids or fingerprints (16 or 40 hexadecimal, 0x or not) apart by blanks, each of which would be shown alone under the name. */
    private boolean listOfHarmless(String n, String v) {
        if (v.indexOf(' ') < 0 || v.length() > 2048) {
            return false;
        }
        String[] items = v.trim().split(" +");
        if (items.length < 2 || items.length > 16) {
            return false;
        }
        for (String item : items) {
            if (!KEY_ID_ITEM.matcher(item).matches() || !harmless(n, item)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern KEY_ID_ITEM = Pattern.compile("(?:0x)?(?:[0-9A-F]{16}|[0-9A-F]{40}|[0-9a-f]{16}|[0-9a-f]{40})");

    /** One URL and no user info: the detector ({@link CapabilityUrls}) has judged where a key stands in it. */
    private static final Pattern URL_VALUE = Pattern.compile("[a-z][a-z0-9+.-]{1,16}://[A-Za-z0-9.:\\[\\]-]{1,253}(?:[/?#][^\\s@]{0,4096})?");

    /**
     * The value with the hexadecimal ids and UUIDs of its path written over ({@code /commit/<40 hex>}, {@code /blob/<sha>/},
     * a public gist's id): where such an id is a key, after a host, a share word or a network's name, the detector
     * ({@link CapabilityUrls}) hides it; elsewhere in a path it names a resource. Query and fragment stay as they are.
     */
    private static final Pattern PATH_ID = Pattern.compile("[0-9a-f]{7,128}|[0-9A-F]{7,128}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static char[] pathIdsBlanked(String v) {
        char[] c = v.toCharArray();
        int path = v.indexOf('/', v.indexOf("://") + 3);
        int end = path < 0 ? -1 : Math.min(v.indexOf('?') < 0 ? c.length : v.indexOf('?'), v.indexOf('#') < 0 ? c.length : v.indexOf('#'));
        int s = path;
        for (int i = path + 1; path >= 0 && i <= end; i++) {
            if (i == end || c[i] == '/' || c[i] == '.' || c[i] == ':') {
                if (i - s - 1 >= 7 && PATH_ID.matcher(v.substring(s + 1, i)).matches()) {
                    java.util.Arrays.fill(c, s + 1, i, 'x');
                }
                s = i;
            }
        }
        return c;
    }

    private static final Pattern USER_AGENT_NAME = Pattern.compile("(?i)(?:.*[^a-z])?(?:user_?agent|ua)");
    private static final Pattern USER_AGENT = Pattern.compile("[A-Za-z0-9_.;:()/+, -]{1,256}");

    /** A user agent's shape: products, versions and comments whose pieces are 16 characters at most (no key fits in one). */
    private static boolean userAgent(String v) {
        if (!USER_AGENT.matcher(v).matches()) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            run = Character.isLetterOrDigit(v.charAt(i)) ? run + 1 : 0;
            if (run > 16) {
                return false;
            }
        }
        return true;
    }

    /** The value has an id's known form; a KSUID's or a NanoID's only under a name that says so (EVENT_KSUID, JOB_NANOID). */
    private static boolean idForm(String name, String value) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return ID_VALUE.matcher(value).matches() || upper.endsWith("KSUID") && KSUID.matcher(value).matches()
                || upper.endsWith("NANOID") && NANOID.matcher(value).matches();
    }

    /** True when a value of several words holds one with the shape of a generated key or a human password. */
    private static boolean madeUpWord(String v) {
        if (v.length() > 4096 || v.indexOf(' ') < 0) {
            return false;
        }
        for (String w : v.split(" ")) {
            if (PasswordShapes.looksMadeUp(w)) {
                return true;
            }
        }
        return false;
    }

    /** An env entry NAME=value. */
    public String envEntry(String entry) {
        int eq = entry.indexOf('=');
        String name = eq > 0 ? entry.substring(0, eq) : "";
        String value = eq > 0 ? entry.substring(eq + 1) : entry;
        if (eq > 0 && env.shows(name)) {
            return entry;
        }
        if (env.hideAll() || !harmless(name, value)) {
            return eq > 0 ? name(name) + "=" + marker : marker;
        }
        return eq > 0 ? name(name) + entry.substring(eq) : entry;
    }

    /** A name is shown, but a token inside it goes: {@code TOKEN_ghp_...} keeps {@code TOKEN_} only. */
    public String name(String name) {
        PlainView plain = PlainView.of(name);
        Spans spans = detector.find(plain.text(), false);
        return spans.isEmpty() ? name : plain.toOriginal(spans).apply(name, marker);
    }

    /** A label value under its key. */
    public String label(String key, String value) {
        return harmless(key, value) ? value : marker;
    }

    /**
     * A driver option value under its key (a volume's {@code o=addr=nas,username=u,password=p}, a network's
     * {@code com.docker.network.bridge.name=br0}): a list of {@code k=v} parts is judged part by part like env
     * entries, so names stay and a password goes; anything else like a label.
     */
    public String option(String key, String value) {
        if (!value.contains("=")) {
            return label(key, value);
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            parts.add(part.indexOf('=') > 0 ? envEntry(part) : label(key, part));
        }
        return SecretNames.suggestsSecret(key) ? marker : String.join(",", parts);
    }

    /**
     * An argument vector (Cmd, Entrypoint, a health-check test). NAME=VALUE arguments are judged like env entries;
     * the rest like a command line, so {@code --db-pwd X}, {@code -pX} and random tokens go; an argument alone with the shape of
     * a password ({@link PasswordShapes}) goes whatever the program.
     */
    public List<String> argv(List<String> args) {
        String joined = String.join(" ", args);
        Spans spans = commandSpans(joined);
        int[] merged = spans.merged();
        List<String> out = new ArrayList<>(args.size());
        int offset = 0;
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : "";
            // NAME=value; a base64 token's padding (x==, the value of --password say) is no assignment: its name would be shown
            boolean padding = eq > 0 && a.substring(eq).chars().allMatch(c -> c == '=');
            if (eq > 0 && !padding && Assignments.nameChar(name.charAt(name.length() - 1)) && name.chars().allMatch(c -> Assignments.nameChar((char) c))
                    && !harmless(name.replaceFirst("^-{1,2}", ""), a.substring(eq + 1))) {
                out.add(name(name) + "=" + marker);
            } else if (eq < 0 && !a.startsWith("-") && PasswordShapes.looksMadeUp(PlainView.of(a).text())) {
                out.add(marker); // an argument alone with the shape of a password (tool admin Xk9#mP2vL!qR7z): no flag needs to say so
            } else if (a.length() > 2 && a.charAt(0) == '-' && GLUED_SECRET_FLAGS.indexOf(a.charAt(1)) >= 0
                    && PasswordShapes.looksMadeUp(PlainView.of(a.substring(2)).text())) {
                out.add(a.substring(0, 2) + marker); // -pXk9mP2vLqR7z in a CMD whose program is on the ENTRYPOINT row
            } else {
                out.add(local(a, offset, merged));
            }
            offset += a.length() + 1;
        }
        return out;
    }

    /** Short flags that take a password glued to them in many programs (mysql -pX, sshpass -pX, ldapsearch -wX, wget -kX). */
    private static final String GLUED_SECRET_FLAGS = "pPwk";

    /** A shell command line (image history CreatedBy, a "sh -c" script). */
    public String commandLine(String line) {
        return commandLine(line, List.of());
    }

    /**
     * An image history step whose exec-form {@code CMD} row is given to the program of the image's {@code ENTRYPOINT} row
     * ({@code ENTRYPOINT ["ssh-keygen"]}, {@code CMD ["-N" "x"]}): the row is judged after that entrypoint, as Docker runs it.
     */
    public String commandLine(String line, List<String> entrypoint) {
        int at = line.indexOf(LABEL_STEP);
        if (at >= 0 && LABEL_KEY.matcher(line.substring(at + LABEL_STEP.length()).split(" ", 2)[0]).matches()) {
            return line.substring(0, at + LABEL_STEP.length()) + labelStep(line.substring(at + LABEL_STEP.length()), false);
        }
        Matcher env = ENV_STEP.matcher(line);
        if (env.find()) { // ENV NAME=value as the image's Env holds it: judged as that entry is, so the row shows no more
            String rest = line.substring(env.end());
            String first = rest.split(" ", 2)[0];
            return line.substring(0, env.end()) + (LABEL_KEY.matcher(first).matches() ? labelStep(rest, true)
                    : first + " " + envValue(first, rest.substring(Math.min(rest.length(), first.length() + 1)))); // ENV NAME value
        }
        Matcher exec = EXEC_STEP.matcher(line);
        if (exec.find()) {
            String step = execStep(line.substring(exec.end()), exec.group(1) == null, "CMD".equals(exec.group(1)) ? entrypoint : List.of());
            if (step != null) {
                return commandSpans(line.substring(0, exec.end())).apply(line.substring(0, exec.end()), marker) + step;
            }
        }
        return commandSpans(line).apply(line, marker);
    }

    /** The arguments of an exec-form {@code ENTRYPOINT} history row ({@code #(nop)  ENTRYPOINT ["ssh-keygen" "-q"]}); empty for any other row. */
    public static List<String> entrypointOf(String createdBy) {
        Matcher exec = EXEC_STEP.matcher(createdBy);
        if (!exec.find() || !"ENTRYPOINT".equals(exec.group(1))) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        String rest = createdBy.substring(exec.end());
        int end = execArgs(rest, args);
        return end >= 0 && end == rest.length() - 1 && rest.charAt(end) == ']' ? args : List.of();
    }

    /**
     * A history row of an exec-form step: {@code #(nop)  CMD ["-uroot" "-pX"]}, {@code ENTRYPOINT [...]}, {@code HEALTHCHECK
     * &{["CMD" …] "30s" …}} as docker history prints them.
     */
    private static final Pattern EXEC_STEP = Pattern.compile("(?:^|#\\(nop\\) {1,2})(?:(CMD|ENTRYPOINT) |HEALTHCHECK &\\{)(?=\\[\")");

    /**
     * The arguments of an exec-form step, judged as an argument vector ({@link #argv}): a CMD row whose program is on the
     * ENTRYPOINT row has no program before its flags, so a password-shaped argument goes by its shape. Null when the
     * row is not {@code ["a" "b"]} to its end.
     */
    private String execStep(String rest, boolean health, List<String> entrypoint) {
        List<String> args = new ArrayList<>();
        int i = execArgs(rest, args);
        int n = rest.length();
        if (i < 0 || i >= n || rest.charAt(i) != ']' || !health && i != n - 1 || args.isEmpty()) {
            return null;
        }
        List<String> judged;
        if (health && args.get(0).equals("CMD-SHELL") && args.size() == 2) {
            judged = List.of("CMD-SHELL", commandLine(args.get(1))); // HEALTHCHECK &{["CMD-SHELL" "script"] "30s" …}
        } else if (health && args.get(0).equals("CMD")) {
            judged = new ArrayList<>(List.of("CMD"));
            judged.addAll(argv(args.subList(1, args.size()))); // HEALTHCHECK &{["CMD" "prog" "-N" "x"] …}: the test's own argv
        } else {
            List<String> run = new ArrayList<>(entrypoint);
            run.addAll(args);
            judged = argv(run).subList(entrypoint.size(), run.size());
        }
        if (judged.equals(args)) {
            return null; // nothing hidden by this reading: the row is judged as a command line, as written
        }
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < judged.size(); k++) {
            out.append(k == 0 ? "" : " ").append('"').append(judged.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append(']').append(rest, i + 1, n).toString(); // a health check's intervals after its test stay as they are
    }

    /** Reads {@code ["a" "b"} (escapes undone) into args; returns where the list ends (its ']' expected there), or -1 when a quote is not closed. */
    private static int execArgs(String rest, List<String> args) {
        int i = 1; // after '['
        int n = rest.length();
        while (i < n && rest.charAt(i) == '"') {
            StringBuilder arg = new StringBuilder();
            int j = i + 1;
            while (j < n && rest.charAt(j) != '"') {
                if (rest.charAt(j) == '\\' && j + 1 < n) {
                    j++;
                }
                arg.append(rest.charAt(j));
                j++;
            }
            if (j >= n) {
                return -1;
            }
            args.add(arg.toString());
            i = j + 1;
            if (i < n && rest.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    private static final String LABEL_STEP = "#(nop) LABEL ";
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}=.*");

    /**
     * The labels an image history step set ({@code /bin/sh -c #(nop) LABEL k=v k2=v with words}, values unquoted): each
     * is judged as the label itself is ({@link #label}), so the step shows what the image's labels show, no more
     * ("db pw is x" goes) and no less (a revision under org.opencontainers.image.revision stays). A word that starts
     * with {@code key=} begins the next label; other words belong to the value before them.
     */
    /** An image history step that set env (the classic builder's {@code #(nop)  ENV}, BuildKit's {@code ENV}). */
    private static final Pattern ENV_STEP = Pattern.compile("(?:^|#\\(nop\\) {1,2})ENV (?=[A-Za-z_])");

    /** The value of an env entry as {@link #envEntry} shows it. */
    private String envValue(String name, String value) {
        String shown = envEntry(name + "=" + value);
        return shown.substring(shown.indexOf('=') + 1);
    }

    /** @param env the step's pairs are env entries ({@link #envEntry}), not labels */
    private String labelStep(String rest, boolean env) {
        List<String> keys = new ArrayList<>();
        List<StringBuilder> values = new ArrayList<>();
        for (String word : rest.split(" ", -1)) {
            if (LABEL_KEY.matcher(word).matches()) { // the first word is one (see commandLine)
                int eq = word.indexOf('=');
                keys.add(word.substring(0, eq));
                values.add(new StringBuilder(word.substring(eq + 1)));
            } else {
                values.get(values.size() - 1).append(' ').append(word);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String value = values.get(i).toString();
            out.append(i == 0 ? "" : " ").append(name(keys.get(i))).append('=').append(env ? envValue(keys.get(i), value) : label(keys.get(i), value));
        }
        return out.toString();
    }

    private Spans commandSpans(String original) {
        PlainView plain = PlainView.of(original);
        String line = plain.text();
        Spans spans = detector.find(line, false);
        char[] chars = line.toCharArray();
        segments(line, chars, spans);
        CommandPasswords.find(line, spans); // podman login -p x, curl -E cert.pem:x, mosquitto_passwd -b f u x
        int i = 0;
        while (i < chars.length) {
            if (!RandomTokens.tokenChar(chars[i])) {
                i++;
                continue;
            }
            int end = RandomTokens.tokenEnd(chars, i);
            if (end - i >= RandomTokens.MIN_LENGTH && !flagOfWords(chars, i, end) && RandomTokens.isRandom(chars, i, end, nameBefore(line, i))) {
                spans.add(i, end);
            }
            i = end;
        }
        RandomTokens.splitKeys(chars, spans); // a key cut into pieces by '/' or ':' goes whole
        madeUpWords(chars, spans);
        GluedTails.extend(chars, spans); // what the walk above found: a key id's secret after it, a glued rest
        return plain.toOriginal(spans);
    }

    /** A flag's name of camelCase words ({@code --wiredTigerCacheSizeGB}): the program's option, never its value. */
    private static boolean flagOfWords(char[] t, int s, int e) {
        int w = s;
        while (w < e && w - s < 2 && t[w] == '-') {
            w++;
        }
        return w > s && w < e && (w == s + 2 || s == 0 || Character.isWhitespace(t[s - 1])) && CapabilityUrls.words(t, w, e);
    }

    /** A file name's extension: {@code OpenJDK17U-jdk_x64_linux_17.0.9_9.tar.gz} is no password. */
    private static final Pattern EXTENSION = Pattern.compile(".*\\.[A-Za-z][A-Za-z0-9]{0,4}");

    /**
     * A word of a command line with the shape of a password ({@link PasswordShapes}), whatever the program before it:
     * {@code provision create-user admin Glacier#meadow343}. Flags, assignments, paths, URLs, shell variables and
     * file names keep their shape and stay.
     */
    private static void madeUpWords(char[] t, Spans spans) {
        int i = 0;
        while (i < t.length) {
            if (Character.isWhitespace(t[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < t.length && !Character.isWhitespace(t[end])) {
                end++;
            }
            int s = i;
            int e = end;
            if (e - s >= 2 && (t[s] == '\'' || t[s] == '"') && t[e - 1] == t[s]) {
                s++;
                e--;
            }
            if (e - s >= 8 && t[s] != '-' && t[s] != '$') {
                String word = new String(t, s, e - s);
                if (word.indexOf('$') < 0 && word.indexOf('/') < 0 && !EXTENSION.matcher(word).matches() && PasswordShapes.looksMadeUp(word)) {
                    spans.add(s, e);
                }
            }
            i = end;
        }
    }

    /**
     * A command line holds many arguments (an image's Cmd, the history step that ran it): a rule whose value may run over
     * blanks (redis {@code AUTH user pass}, a passphrase to the end of the line) can take the next flag's name as its own
     * value, and that flag's value then goes out ({@code AUTH x --db-pwd Y}). So each part from a flag or a shell
     * separator up to the next is judged alone too; what either reading finds is hidden. Each character is in one part.
     */
    private void segments(String line, char[] chars, Spans spans) {
        int from = -1;
        for (int i = 0; i <= chars.length; i++) {
            if (i == chars.length || segmentStart(chars, i)) {
                if (from >= 0 && i - from > 2) {
                    int[] found = detector.find(line.substring(from, i), false).merged();
                    for (int k = 0; k < found.length; k += 2) {
                        spans.add(from + found[k], from + found[k + 1]);
                    }
                }
                from = i;
            }
        }
    }

    /** A flag ({@code -x}, {@code --name}) or a shell separator ({@code ; & |}) that starts a word. */
    private static boolean segmentStart(char[] t, int i) {
        if (i > 0 && !Character.isWhitespace(t[i - 1])) {
            return false;
        }
        if (t[i] == ';' || t[i] == '&' || t[i] == '|') {
            return true;
        }
        int j = t[i] == '-' ? i + 1 : i;
        j = j < t.length && t[j] == '-' && j > i ? j + 1 : j;
        return j > i && j < t.length && Character.isLetter(t[j]);
    }

    /** The NAME of a NAME=token, so that a revision under org.opencontainers.image.revision= is judged with its name. */
    private static String nameBefore(String line, int i) {
        if (i == 0 || line.charAt(i - 1) != '=') {
            return null;
        }
        int s = i - 1;
        while (s > 0 && i - s < 128 && Assignments.nameChar(line.charAt(s - 1))) {
            s--;
        }
        return line.substring(s, i - 1);
    }

    /** The element of a joined line at [offset, offset + length) with the merged spans that fall in it replaced. */
    private String local(String element, int offset, int[] merged) {
        Spans local = new Spans();
        for (int k = 0; k < merged.length; k += 2) {
            int s = Math.max(merged[k], offset) - offset;
            int e = Math.min(merged[k + 1], offset + element.length()) - offset;
            if (s < e) {
                local.add(s, e);
            }
        }
        return local.apply(element, marker);
    }
}
