package dev.weft.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page tokens. A token carries where the next page starts, a fingerprint of the request
 * it continues (so that a token replayed with other arguments is refused), the instant it was
 * issued (tokens expire, as SWF's do), and an HMAC under a key only this engine knows, so that an
 * edited or forged token is refused rather than misread.
 */
final class PageTokens {
    /** SWF's token lifetime for list and history calls. */
    static final long LIFETIME_MILLIS = 24L * 3600 * 1000;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    PageTokens() {
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("[BUG] HmacSHA256 is unavailable", e);
        }
    }

    /** A token for the page after {@code position}, for a request with {@code fingerprint}. */
    String issue(String kind, int fingerprint, String position, long nowMillis) {
        String body = kind + '\n' + fingerprint + '\n' + nowMillis + '\n' + position;
        String signed = signature(body) + '\n' + body;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a token carries, after checking it belongs to this kind of request with these
     * arguments and has not expired. Throws a ValidationException otherwise.
     */
    String redeem(String token, String kind, int fingerprint, long nowMillis) {
        String[] parts = decode(token);
        if (parts == null || !parts[1].equals(kind)) {
            throw Check.failure(
                    "nextPageToken",
                    token,
                    "Member must be a nextPageToken returned by an earlier call of the same operation");
        }
        if (!parts[2].equals(Integer.toString(fingerprint))) {
            throw Check.failure(
                    "nextPageToken", token, "Member must be used with the same arguments as the call that returned it");
        }
        long issued = Long.parseLong(parts[3]);
        if (nowMillis - issued > LIFETIME_MILLIS) {
            throw Faults.validation("Specified token has exceeded its maximum lifetime");
        }
        return parts[4];
    }

    private String[] decode(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] parts = text.split("\n", 5);
        if (parts.length != 5) {
            return null;
        }
        String body = text.substring(parts[0].length() + 1);
        if (!MessageDigest.isEqual(
                parts[0].getBytes(StandardCharsets.UTF_8), signature(body).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        try {
            Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return null;
        }
        return parts;
    }

    private String signature(String body) {
        byte[] mac = macs.get().doFinal(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 22);
    }
}
