package dockermcp.engine;

import java.util.regex.Pattern;

/**
 * Checks names of containers and images given by callers before they become part of a request path.
 * Only Docker's own name grammar passes, so no argument can change the path or the query.
 */
public final class ObjectRef {

    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    // registry[:port]/path:tag@sha256:digest, or an image id (sha256:hex or hex prefix)
    private static final Pattern IMAGE = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,5})?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*"
                    + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?|sha256:[a-f0-9]{1,64}");
    static final int MAX_CONTAINER = 253;
    static final int MAX_IMAGE = 512;

    private ObjectRef() {
    }

    /** A container name or id, without Docker's optional leading slash. */
    public static String container(String value) throws EngineException {
        String v = value == null ? "" : value.startsWith("/") ? value.substring(1) : value;
        if (v.isEmpty()) {
            throw bad("container is empty: give a container name or id as shown by docker_list_containers.");
        }
        if (v.length() > MAX_CONTAINER) {
            throw bad("container is " + v.length() + " characters long, longer than any Docker name or id: give a name or id as shown by docker_list_containers.");
        }
        if (!CONTAINER.matcher(v).matches() || v.contains("..")) {
            throw bad("container '" + shown(v) + "' is not a valid Docker container name or id (letters, digits, '_', '.', '-', starting with a letter or digit): give one as shown by docker_list_containers.");
        }
        return v;
    }

    /** An image reference (name[:tag][@digest]) or image id. */
    public static String image(String value) throws EngineException {
        String v = value == null ? "" : value;
        if (v.isEmpty()) {
            throw bad("image is empty: give an image reference such as nginx:1.27 or an id as shown by docker_list_images.");
        }
        if (v.length() > MAX_IMAGE) {
            throw bad("image is " + v.length() + " characters long, longer than any image reference: give one as shown by docker_list_images.");
        }
        if (!IMAGE.matcher(v).matches() || v.contains("..") || v.contains("//")) {
            throw bad("image '" + shown(v) + "' is not a valid image reference or id: give one such as nginx:1.27, registry.example.com/team/app:2.0 or sha256:ab12..., as shown by docker_list_images.");
        }
        return v;
    }

    private static EngineException bad(String message) {
        return new EngineException(EngineException.Kind.BAD_INPUT, message);
    }

    /** A caller's value, safe to echo back: printable, short. */
    public static String shown(String v) {
        String printable = v.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
