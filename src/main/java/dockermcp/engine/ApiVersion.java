package dockermcp.engine;

/** Docker API versions ("1.41") compared numerically, and the range this server speaks. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** Docker 19.03: the oldest engine whose answers carry every field the tools read. */
    public static final ApiVersion OLDEST = new ApiVersion(1, 40);
    /** Docker 28.x: the newest API whose answers these tools were checked against. */
    public static final ApiVersion NEWEST = new ApiVersion(1, 51);

    public static ApiVersion parse(String s) {
        if (s == null || !s.matches("\\d{1,3}\\.\\d{1,3}")) {
            return null;
        }
        int dot = s.indexOf('.');
        return new ApiVersion(Integer.parseInt(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1)));
    }

    /** The version to use with an engine that speaks {@code server} and accepts nothing below {@code serverMin}. */
    public static ApiVersion negotiate(ApiVersion server, ApiVersion serverMin) {
        ApiVersion chosen = server.compareTo(NEWEST) > 0 ? NEWEST : server;
        ApiVersion floor = serverMin != null && serverMin.compareTo(OLDEST) > 0 ? serverMin : OLDEST;
        return chosen.compareTo(floor) >= 0 ? chosen : null;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
