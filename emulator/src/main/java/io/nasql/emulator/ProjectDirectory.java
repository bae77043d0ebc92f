package io.nasql.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Project ids and the project numbers that the real service puts in resource names. A number
 * is derived from the id, so it is stable across runs; a request may name either.
 */
final class ProjectDirectory {
    private final Map<String, String> idByNumber = new ConcurrentHashMap<>();

    String numberOf(String projectId) {
        String number = derive(projectId);
        idByNumber.putIfAbsent(number, projectId);
        return number;
    }

    /** The project id for a name's project segment, which may be an id or a known number. */
    String resolve(String idOrNumber) {
        if (!idOrNumber.chars().allMatch(Character::isDigit)) {
            numberOf(idOrNumber);
            return idOrNumber;
        }
        String id = idByNumber.get(idOrNumber);
        if (id == null) {
            throw Errors.notFound("project number " + idOrNumber + " is not known to this emulator; name the project by its id");
        }
        return id;
    }

    private static String derive(String projectId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(projectId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return String.valueOf(100_000_000_000L + Math.floorMod(bits, 900_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
