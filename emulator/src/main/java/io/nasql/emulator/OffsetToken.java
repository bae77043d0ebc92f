package io.nasql.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page tokens that hold an offset into a listing, valid for the same request key only. */
final class OffsetToken {
    private OffsetToken() {
    }

    static String of(String key, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "\n" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token holds; 0 for no token; INVALID_ARGUMENT for a token of another listing. */
    static int offset(String token, String key) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = decoded.lastIndexOf('\n');
            if (newline > 0 && decoded.substring(0, newline).equals(key)) {
                return Integer.parseInt(decoded.substring(newline + 1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ServiceError.INVALID_PAGE_TOKEN.of(token);
    }

    /** A page size as the request asked for it, with the service's default and cap. */
    static int pageSize(int asked, int byDefault, int cap) {
        return asked <= 0 ? byDefault : Math.min(asked, cap);
    }
}
