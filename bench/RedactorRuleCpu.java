package dockermcp.security.secrets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostic, not part of the product: the CPU time of each rule of the detector alone, on the same 573 lines that
 * RedactorCpu redacts (read from it), joined as Redactor.lines joins them. In the detector's package, to call the rules one by one.
 * The rules' sum is not the detector's time (JIT state and caches differ); it says where the time goes.
 *
 * <pre>
 *   mvn -q -ntp package -DskipTests
 *   javac -cp target/docker-mcp-secure.jar -d /tmp/rrc bench/RedactorCpu.java bench/RedactorRuleCpu.java
 *   java -XX:TieredStopAtLevel=1 -cp target/docker-mcp-secure.jar:/tmp/rrc dockermcp.security.secrets.RedactorRuleCpu
 *   (-Donly=nearby,assign for some rules only, e.g. under JFR)
 * </pre>
 */
public final class RedactorRuleCpu {

    private interface Rule {
        void run(char[] t, String s, String lower, Keywords.Found words, Spans spans);
    }

    private RedactorRuleCpu() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked") // RedactorCpu is in the unnamed package: reached by name, its lines not copied
        List<String> lines = (List<String>) Class.forName("RedactorCpu").getMethod("lines").invoke(null);
        String s = String.join("\n", lines) + "\n";
        char[] t = s.toCharArray();
        String lower = KeyMaterial.lowerAscii(t);
        Keywords.Found found = Keywords.RULES.in(t);
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("keywords", (c, x, l, f, sp) -> Keywords.RULES.in(c));
        rules.put("keyblocks", (c, x, l, f, sp) -> KeyBlocks.find(c, sp));
        rules.put("provider", (c, x, l, f, sp) -> ProviderRules.builtIn().find(c, x, sp));
        rules.put("urlbare", (c, x, l, f, sp) -> UrlCredentials.findBare(c, sp));
        rules.put("url", (c, x, l, f, sp) -> UrlCredentials.find(c, sp));
        rules.put("assign", (c, x, l, f, sp) -> Assignments.find(c, sp));
        rules.put("credwrites", (c, x, l, f, sp) -> CredentialWrites.find(c, sp));
        rules.put("nearby", (c, x, l, f, sp) -> NearbyTokens.find(c, sp, true));
        rules.put("splitkeys", (c, x, l, f, sp) -> RandomTokens.splitKeys(c, sp)); // part of nearby
        rules.put("encruns", (c, x, l, f, sp) -> EncodedRuns.find(c, sp)); // part of nearby
        rules.put("lower", (c, x, l, f, sp) -> KeyMaterial.lowerAscii(c));
        rules.put("keymat", (c, x, l, f, sp) -> KeyMaterial.find(c, x, l, f, sp));
        rules.put("encforms", (c, x, l, f, sp) -> EncodedForms.find(c, f, sp));
        rules.put("progargs", (c, x, l, f, sp) -> ProgramArguments.find(c, l, sp));
        rules.put("authsch", (c, x, l, f, sp) -> AuthSchemes.find(c, sp));
        rules.put("pwpairs", (c, x, l, f, sp) -> PasswordPairs.find(c, x, l, sp));
        rules.put("lineshapes", (c, x, l, f, sp) -> LineShapes.find(c, x, l, f, sp));
        rules.put("configdumps", (c, x, l, f, sp) -> ConfigDumps.find(c, f, sp));
        rules.put("named", (c, x, l, f, sp) -> NamedValues.find(c, sp));
        rules.put("linepairs", (c, x, l, f, sp) -> LinePairs.find(c, sp));
        rules.put("hexdumps", (c, x, l, f, sp) -> HexDumps.find(c, sp));
        rules.put("nextline", (c, x, l, f, sp) -> NextLineValues.find(c, f, sp, true));
        rules.put("siblings", (c, x, l, f, sp) -> SiblingFields.find(c, x, f, sp));
        rules.put("keyless", (c, x, l, f, sp) -> KeylessEncodings.find(c, sp));
        rules.put("nearby+vendor", (c, x, l, f, sp) -> NearbyTokens.findWithVendorTokens(c, sp, true)); // one walk for both
        rules.put("capurls", (c, x, l, f, sp) -> CapabilityUrls.find(c, sp));
        rules.put("detector", (c, x, l, f, sp) -> new SecretDetector(List.of()).find(x));
        String only = System.getProperty("only");
        if (only != null) {
            rules.keySet().retainAll(List.of(only.split(",")));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("rounds", 400);
        for (int pass = 0; pass < 2; pass++) { // the first pass warms every rule up; the second is printed
            for (Map.Entry<String, Rule> e : rules.entrySet()) {
                long[] times = new long[rounds];
                for (int k = 0; k < rounds; k++) {
                    Spans spans = new Spans();
                    long t0 = cpu.getCurrentThreadCpuTime();
                    e.getValue().run(t, s, lower, found, spans);
                    times[k] = cpu.getCurrentThreadCpuTime() - t0;
                }
                Arrays.sort(times);
                if (pass == 1) {
                    System.out.printf("%-12s CPU median %.3f ms%n", e.getKey(), times[rounds / 2] / 1e6);
                }
            }
        }
    }
}
