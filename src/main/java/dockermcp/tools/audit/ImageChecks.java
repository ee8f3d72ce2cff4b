package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import dockermcp.security.Redactor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Where the container's code comes from and what secrets travel with it: tags, environment names, build history. Names only, never values. */
final class ImageChecks implements CheckFamily {

    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");
    // NAME= inside an ENV or ARG instruction, or in the "|N NAME=value ..." prefix the builder records for RUN with build args
    private static final Pattern ASSIGNED_NAME = Pattern.compile("(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]{0,127})=");
    private static final Pattern LEGACY_ENV = Pattern.compile("\\b(?:ENV|ARG)\\s+([A-Za-z_][A-Za-z0-9_]{0,127})(?:\\s|$)");

    @Override
    public void check(Subject s, Findings out) {
        tag(s, out);
        Set<String> env = new LinkedHashSet<>();
        for (String entry : JsonRead.strings(s.config(), "Env")) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq); // the value is never looked at
            if (secretLooking(name)) {
                env.add(name);
            }
        }
        if (!env.isEmpty()) {
            out.add(Check.SECRET_ENV, "Config.Env names " + String.join(", ", env) + " (values not shown)");
        }
        Set<String> built = new LinkedHashSet<>();
        for (JsonNode h : s.history()) {
            String by = JsonRead.text(h, "CreatedBy");
            if (by.length() > 8192) {
                by = by.substring(0, 8192); // names come first; a huge RUN line need not be read to its end
            }
            if (!by.contains("ENV") && !by.contains("ARG") && !by.startsWith("|")) {
                continue;
            }
            Matcher m = ASSIGNED_NAME.matcher(by);
            while (m.find()) {
                if (secretLooking(m.group(1))) {
                    built.add(m.group(1));
                }
            }
            Matcher legacy = LEGACY_ENV.matcher(by);
            while (legacy.find()) {
                if (secretLooking(legacy.group(1))) {
                    built.add(legacy.group(1));
                }
            }
        }
        if (!built.isEmpty()) {
            out.add(Check.IMAGE_HISTORY_SECRETS, "image history sets " + String.join(", ", built) + " (values not shown)");
        }
    }

    /** A secret-looking name, except variables that point at a file holding the secret: that is the fix. */
    static boolean secretLooking(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return Redactor.isSecretName(name) && !upper.endsWith("_FILE") && !upper.endsWith("_PATH") && !upper.endsWith("_DIR");
    }

    private static void tag(Subject s, Findings out) {
        String ref = JsonRead.text(s.config(), "Image");
        if (ref.isEmpty()) {
            return;
        }
        if (IMAGE_ID.matcher(ref).matches()) {
            if (!s.image().isMissingNode() && tags(s.image()).isEmpty()) {
                out.add(Check.IMAGE_UNTAGGED, "Config.Image=" + ref + " and the image has no tag");
            }
            return;
        }
        if (ref.contains("@")) {
            return; // pinned by digest
        }
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            out.add(Check.IMAGE_LATEST, "Config.Image=" + ref + " (no tag means latest)");
        } else if (last.substring(colon + 1).equals("latest")) {
            out.add(Check.IMAGE_LATEST, "Config.Image=" + ref);
        }
    }

    private static List<String> tags(JsonNode image) {
        return JsonRead.strings(image, "RepoTags").stream().filter(t -> !t.equals("<none>:<none>")).toList();
    }
}
