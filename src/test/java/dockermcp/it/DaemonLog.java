package dockermcp.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test daemon's debug log (dockerd -D), read as an independent record of the requests it received. */
public final class DaemonLog {

    private static final Pattern CALLING = Pattern.compile("Calling (\\S+) ([^\"\\s]+)");
    private final String file;
    private final long mark;

    private DaemonLog(String file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Starts reading at the current end of the log. */
    public static DaemonLog from(String file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
            return new DaemonLog(file, f.length());
        }
    }

    /** "METHOD PATH" of every request logged since the mark. */
    public List<String> requests() throws Exception {
        Thread.sleep(300); // dockerd writes its log asynchronously
        List<String> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
            f.seek(mark);
            byte[] b = new byte[(int) (f.length() - mark)];
            f.readFully(b);
            Matcher m = CALLING.matcher(new String(b, StandardCharsets.UTF_8));
            while (m.find()) {
                out.add(m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }
}
