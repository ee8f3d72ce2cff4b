package dockermcp.engine;

import dockermcp.config.Endpoint;
import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import java.io.IOException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read operations this server performs on one engine. There is no method that could change
 * anything: every call is a GET built here and checked again by {@link RequestGuard} in {@link EngineHttp}.
 */
public final class DockerEngine implements AutoCloseable {

    private static final int MAX_JSON = 32 << 20;
    private static final int MAX_EVENT = 256 << 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostSettings host;
    private final EngineHttp http;
    private final Duration requestTimeout;
    private final SshTunnel tunnel;
    private volatile ApiVersion api;

    public DockerEngine(HostSettings host, EngineHttp http, Duration requestTimeout) {
        this(host, http, requestTimeout, null);
    }

    private DockerEngine(HostSettings host, EngineHttp http, Duration requestTimeout, SshTunnel tunnel) {
        this.host = host;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.tunnel = tunnel;
    }

    /** Opens the HTTP client for a configured host, loading its TLS material if any. */
    public static DockerEngine open(HostSettings host, Settings settings, String userAgent) throws EngineException {
        javax.net.ssl.SSLContext tls = null;
        if (host.endpoint().transport() == Endpoint.Transport.TLS) {
            try {
                tls = TlsMaterial.load(host.certPath()).sslContext();
            } catch (TlsMaterialException e) {
                throw new EngineException(EngineException.Kind.TLS, e.getMessage());
            }
        }
        Duration connect = host.connectTimeout(settings);
        Duration request = host.requestTimeout(settings);
        SshTunnel tunnel = host.endpoint().transport() == Endpoint.Transport.SSH ? new SshTunnel(host, connect) : null;
        EngineHttp http = new EngineHttp(host.endpoint(), tls, connect, request, userAgent);
        return new DockerEngine(host, http, request, tunnel);
    }

    public HostSettings host() {
        return host;
    }

    public String name() {
        return host.name();
    }

    /** GET /version without a version prefix: works with every engine and drives negotiation. */
    public JsonNode version() throws EngineException {
        ready();
        EngineHttp.Answer a = get("/version", null);
        if (a.status() / 100 != 2) {
            // every Docker engine answers /version: anything else at this address is another service
            throw new EngineException(EngineException.Kind.PROTOCOL, "The service at " + http.endpoint().display() + " is not a Docker engine (it answered GET /version with HTTP "
                    + a.status() + "); check the address and port in " + host.origin() + ".");
        }
        return parse(a);
    }

    /** The API version used with this engine, negotiated once from /version. */
    public ApiVersion apiVersion() throws EngineException {
        ApiVersion a = api;
        if (a != null) {
            return a;
        }
        JsonNode v = version();
        ApiVersion server = ApiVersion.parse(JsonRead.text(v, "ApiVersion"));
        ApiVersion min = ApiVersion.parse(JsonRead.text(v, "MinAPIVersion"));
        if (server == null) {
            throw new EngineException(EngineException.Kind.PROTOCOL, "Docker at " + http.endpoint().display()
                    + " did not report an API version; check that this address is a Docker engine.");
        }
        ApiVersion chosen = ApiVersion.negotiate(server, min);
        if (chosen == null) {
            throw new EngineException(EngineException.Kind.UNSUPPORTED_API, "Docker at " + http.endpoint().display() + " speaks API " + server
                    + (min == null ? "" : " (accepting " + min + " and later)") + ", outside the range docker-mcp-secure supports ("
                    + ApiVersion.OLDEST + " to " + ApiVersion.NEWEST + "); upgrade the Docker engine to 19.03 or later, or upgrade docker-mcp-secure.");
        }
        api = chosen;
        return chosen;
    }

    public JsonNode info() throws EngineException {
        return json(v("/info"), null, "engine");
    }

    /** Round trip of HEAD /_ping in milliseconds. */
    public long pingMillis() throws EngineException {
        ready();
        long t0 = System.nanoTime();
        int status = http.ping();
        if (status != 200) {
            throw new EngineException(EngineException.Kind.PROTOCOL, "Docker at " + http.endpoint().display() + " answered /_ping with HTTP " + status + ".");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public JsonNode listContainers(boolean all, String filtersJson) throws EngineException {
        Query q = Query.of().add("all", all ? "1" : null).add("filters", filtersJson);
        return json(v("/containers/json"), q, "container list");
    }

    public JsonNode inspectContainer(String ref) throws EngineException {
        return json(v("/containers/" + ref + "/json"), null, "container '" + ref + "'");
    }

    public JsonNode stats(String ref) throws EngineException {
        return json(v("/containers/" + ref + "/stats"), Query.of().add("stream", "false"), "container '" + ref + "'");
    }

    /** The processes of a running container, as the engine's ps lists them (default columns only). */
    public JsonNode top(String ref) throws EngineException {
        return json(v("/containers/" + ref + "/top"), null, "container '" + ref + "'");
    }

    /**
     * The last {@code tail} lines of a container's log (within {@code since}/{@code until} when given). The engine
     * applies tail to the whole log before until, which would empty any window older than the newest lines: with
     * until the window is streamed whole and the tail kept here. With since alone the engine's tail is right
     * (the newest lines of the log that are in the window are the newest of the window) and spares the stream;
     * it is asked for one line more, so that an older line left out shows as truncated.
     */
    public LogLines.Result logs(String ref, LogOptions o, int maxBytes) throws EngineException {
        boolean window = o.until() != null;
        LogLines.Result[] out = new LogLines.Result[1];
        logStream(ref, o, window ? null : Long.toString(o.tail() + 1L), // one entry more than the lines wanted: the first may be the rest of a line the engine split at 16 KiB
                (in, multiplexed, stamped) -> out[0] = LogLines.read(in, multiplexed, maxBytes, o.tail(), window ? 0 : o.tail() + 1, stamped, o.timestamps()));
        return out[0];
    }

    /**
     * The lines of a container's log in the window of {@code o} (its tail is not applied), handed to {@code sink} as read,
     * up to {@code maxRead} bytes; without until, only the newest {@code newest} lines of the window (the engine's tail).
     */
    public LogLines.Scan scanLogs(String ref, LogOptions o, int newest, long maxRead, LogLines.Sink sink) throws EngineException {
        LogLines.Scan[] out = new LogLines.Scan[1];
        int entries = o.until() == null ? newest + 1 : 0; // one more: the first may be the rest of a line the engine split
        logStream(ref, o, entries > 0 ? Integer.toString(entries) : null,
                (in, multiplexed, stamped) -> out[0] = LogLines.scan(in, multiplexed, maxRead, sink, entries, stamped, o.timestamps()));
        return out[0];
    }

    private interface LogReader {
        /** @param stamped the engine put a time stamp before each entry */
        void read(java.io.InputStream in, boolean multiplexed, boolean stamped) throws IOException;
    }

    /**
     * A TTY container's log is one raw stream: without time stamps its entries (the engine's tail counts them, and it
     * splits a line at 16 KiB) cannot be told apart, so a tail of one is asked again with time stamps, taken out after.
     */
    private void logStream(String ref, LogOptions o, String tail, LogReader reader) throws EngineException {
        boolean stamps = o.timestamps();
        while (true) {
            Query q = Query.of().add("stdout", o.stdout() ? "1" : "0").add("stderr", o.stderr() ? "1" : "0")
                    .add("tail", tail).add("since", o.since()).add("until", o.until())
                    .add("timestamps", stamps ? "1" : null);
            String what = "container '" + ref + "'";
            try (EngineHttp.EngineResponse r = http.stream(v("/containers/" + ref + "/logs"), q)) {
                if (r.status() / 100 != 2) {
                    throw statusFailure(r.status(), r.readAll(64 * 1024), what);
                }
                java.io.InputStream body = new java.io.BufferedInputStream(r.body(), 8192);
                boolean multiplexed = multiplexed(r.contentType(), body);
                if (!multiplexed && tail != null && !stamps) {
                    stamps = true;
                    continue;
                }
                reader.read(body, multiplexed, stamps);
                return;
            } catch (IOException e) {
                throw Failures.classify(http.endpoint(), e, requestTimeout);
            }
        }
    }

    /**
     * Docker's framed stream (no TTY) or a TTY's raw one: the content type says so from API 1.42; older engines (20.10)
     * send none for a TTY, so the first bytes are looked at: a frame header is a stream number 0-2 and three zero bytes.
     */
    static boolean multiplexed(String contentType, java.io.InputStream body) throws IOException {
        if (contentType.contains("multiplexed-stream") || contentType.contains("raw-stream")) {
            return contentType.contains("multiplexed-stream");
        }
        body.mark(8);
        byte[] head = body.readNBytes(4);
        body.reset();
        return head.length < 4 || head[0] >= 0 && head[0] <= 2 && head[1] == 0 && head[2] == 0 && head[3] == 0;
    }

    /**
     * GET /events over a closed window: {@code until} is always set, so the engine replays what it kept of the window
     * and ends the stream. Each event is handed to {@code sink} as read; an event over 256 KiB is skipped. Returns
     * true when reading stopped at {@code maxRead} bytes, before the end of the window.
     */
    public boolean events(String since, String until, String filtersJson, long maxRead, java.util.function.Consumer<JsonNode> sink) throws EngineException {
        Query q = Query.of().add("since", since).add("until", java.util.Objects.requireNonNull(until)).add("filters", filtersJson);
        try (EngineHttp.EngineResponse r = http.stream(v("/events"), q)) {
            if (r.status() / 100 != 2) {
                throw statusFailure(r.status(), r.readAll(64 * 1024), "events");
            }
            java.io.InputStream in = new java.io.BufferedInputStream(r.body(), 16 * 1024);
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long read = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (++read > maxRead) {
                    return true;
                }
                if (b != '\n') {
                    if (line.size() <= MAX_EVENT) {
                        line.write(b);
                    }
                    continue;
                }
                if (line.size() > 0 && line.size() <= MAX_EVENT) {
                    try {
                        sink.accept(JSON.readTree(line.toByteArray()));
                    } catch (JacksonException e) {
                        // not an event: skipped, as an over-long one is
                    }
                }
                line.reset();
            }
            return false;
        } catch (IOException e) {
            throw Failures.classify(http.endpoint(), e, requestTimeout);
        }
    }

    public JsonNode listImages(boolean all, String filtersJson) throws EngineException {
        Query q = Query.of().add("all", all ? "1" : null).add("filters", filtersJson);
        return json(v("/images/json"), q, "image list");
    }

    public JsonNode inspectImage(String ref) throws EngineException {
        return json(v("/images/" + ref + "/json"), null, "image '" + ref + "'");
    }

    public JsonNode imageHistory(String ref) throws EngineException {
        return json(v("/images/" + ref + "/history"), null, "image '" + ref + "'");
    }

    /** GET /networks, filtered (name) by the engine. The list answer carries no container map: attachments come from the container list. */
    public JsonNode listNetworks(String filtersJson) throws EngineException {
        return json(v("/networks"), Query.of().add("filters", filtersJson), "network list");
    }

    /** GET /volumes, filtered (name) by the engine: {"Volumes": [...], "Warnings": [...]}. */
    public JsonNode listVolumes(String filtersJson) throws EngineException {
        return json(v("/volumes"), Query.of().add("filters", filtersJson), "volume list");
    }

    /** GET /nodes: the swarm's nodes. Only a swarm manager answers. */
    public JsonNode swarmNodes() throws EngineException {
        return swarmJson(v("/nodes"), null, "swarm nodes");
    }

    /** GET /services?status=true: the swarm's services with their running and desired task counts. */
    public JsonNode swarmServices() throws EngineException {
        return swarmJson(v("/services"), Query.of().add("status", "true"), "swarm services");
    }

    /** GET /tasks, filtered (service, node, desired-state) by the engine. */
    public JsonNode swarmTasks(String filtersJson) throws EngineException {
        return swarmJson(v("/tasks"), Query.of().add("filters", filtersJson), "swarm tasks");
    }

    /** A swarm read: an engine that is not a swarm manager answers 503, which is a fact about the host, not a failure. */
    private JsonNode swarmJson(String path, Query query, String what) throws EngineException {
        EngineHttp.Answer a = get(path, query);
        if (a.status() == 503) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "Host '" + host.name() + "' is not a swarm manager, so it has no swarm view; ask a manager node's engine.");
        }
        if (a.status() / 100 != 2) {
            throw statusFailure(a.status(), a.body(), what);
        }
        return parse(a);
    }

    private String v(String path) throws EngineException {
        ready();
        return "/v" + apiVersion() + path;
    }

    /** Brings up the ssh tunnel of an ssh:// engine if it is not up (it may have died since the last call). */
    private void ready() throws EngineException {
        if (tunnel != null) {
            tunnel.ensureUp();
        }
    }

    private JsonNode json(String path, Query query, String what) throws EngineException {
        EngineHttp.Answer a = get(path, query);
        if (a.status() / 100 != 2) {
            throw statusFailure(a.status(), a.body(), what);
        }
        return parse(a);
    }

    private EngineHttp.Answer get(String path, Query query) throws EngineException {
        try {
            return http.get(path, query, MAX_JSON);
        } catch (EngineException e) {
            throw tunnel != null && tunnel.lastError().contains("open failed") ? new EngineException(EngineException.Kind.NO_SOCKET,
                    "Cannot reach Docker at " + host.endpoint().display() + ": the engine's socket " + host.endpoint().socketPath()
                            + " cannot be opened there; check that Docker runs on that machine, that the ssh user may read the socket, and 'remote_socket' in the hosts file.") : e;
        }
    }

    private JsonNode parse(EngineHttp.Answer a) throws EngineException {
        try {
            return JSON.readTree(a.body());
        } catch (JacksonException e) {
            throw new EngineException(EngineException.Kind.PROTOCOL, "Docker at " + http.endpoint().display()
                    + " sent an answer that is not valid JSON; check that this address is a Docker engine and not a proxy or another service.");
        }
    }

    private EngineException statusFailure(int s, byte[] body, String what) {
        String daemonMessage = daemonMessage(body);
        String at = "host '" + host.name() + "'";
        return switch (s) {
            case 404 -> new EngineException(EngineException.Kind.NOT_FOUND, "No " + what + " on " + at + ".");
            case 400 -> new EngineException(EngineException.Kind.BAD_INPUT, "Docker on " + at + " rejected the request for " + what + " (the engine said: \"" + daemonMessage + "\").");
            case 401, 403, 405 -> new EngineException(EngineException.Kind.REFUSED, "Docker on " + at + " refused to read " + what + " (HTTP " + s
                    + "); if a socket proxy sits in front of Docker, allow GET on /containers, /images, /info and /version.");
            default -> new EngineException(EngineException.Kind.DAEMON_ERROR, "Docker on " + at + " failed to read " + what + " (HTTP " + s + "; the engine said: \"" + daemonMessage + "\").");
        };
    }

    private static String daemonMessage(byte[] body) {
        try {
            String m = JsonRead.text(JSON.readTree(body), "message").replaceAll("[^\\x20-\\x7e]", "?").replace('"', '\'');
            return m.length() > 200 ? m.substring(0, 200) + "..." : m.isEmpty() ? "no details" : m;
        } catch (JacksonException e) {
            return "no details";
        }
    }

    @Override
    public void close() {
        http.close();
        if (tunnel != null) {
            tunnel.close();
        }
    }
}
