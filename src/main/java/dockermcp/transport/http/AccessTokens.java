package dockermcp.transport.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens this server accepts, kept only as SHA-256 digests. A presented token is hashed and compared
 * with every digest in constant time ({@link MessageDigest#isEqual}), without stopping at the first match, so the
 * answer time says nothing about how much of a guess was right or which entry it was near.
 */
final class AccessTokens {

    private final List<byte[]> digests;

    private AccessTokens(List<byte[]> digests) {
        this.digests = digests;
    }

    static AccessTokens of(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one token");
        }
        return new AccessTokens(tokens.stream().map(AccessTokens::sha256).toList());
    }

    /** The fingerprint of the matching token, or empty. */
    Optional<String> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] d = sha256(presented);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            boolean equal = MessageDigest.isEqual(digests.get(i), d);
            found = equal ? i : found;
        }
        return found < 0 ? Optional.empty() : Optional.of(fingerprint(digests.get(found)));
    }

    int size() {
        return digests.size();
    }

    /** What the audit log and the start-up log show for a token: 12 hex digits of its SHA-256, never the token. */
    static String fingerprint(String token) {
        return fingerprint(sha256(token));
    }

    private static String fingerprint(byte[] digest) {
        return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
