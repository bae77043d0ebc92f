package io.nasql.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects the emulator knows, their numbers (which the real service puts in resource names;
 * a request may name either), and what each lets a caller do. As on the real service, a project
 * that does not exist and one the caller may not use answer alike: PERMISSION_DENIED naming the
 * method's permission. A project with the API disabled says so with ErrorInfo SERVICE_DISABLED.
 */
final class ProjectRegistry {
    private final Map<String, String> idByNumber = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Set<String> denied;
    private final Set<String> disabled;

    ProjectRegistry(Set<String> known, Set<String> denied, Set<String> disabled) {
        this.denied = Set.copyOf(denied);
        this.disabled = Set.copyOf(disabled);
        known.forEach(this::add);
    }

    /** Makes a project known (seeded or created by a test); its number is derived from its id. */
    void add(String projectId) {
        known.add(projectId);
        idByNumber.putIfAbsent(derive(projectId), projectId);
    }

    String numberOf(String projectId) {
        return derive(projectId);
    }

    /** The id of a known project named by its id or number; null when the emulator does not know it. */
    String resolve(String idOrNumber) {
        String id = idOrNumber.chars().allMatch(Character::isDigit) ? idByNumber.get(idOrNumber) : idOrNumber;
        return id != null && known.contains(id) ? id : null;
    }

    /**
     * The project id that a name's project segment (an id or a number) stands for, once the
     * caller may call {@code method} on {@code resource} in it; otherwise the service's refusal.
     */
    String admit(String idOrNumber, ApiMethod method, String resource) {
        String id = idOrNumber.chars().allMatch(Character::isDigit) ? idByNumber.get(idOrNumber) : idOrNumber;
        if (id == null || !known.contains(id) || denied.contains(id)) {
            throw ServiceError.PERMISSION_DENIED.withInfo("IAM_PERMISSION_DENIED", "aiplatform.googleapis.com",
                    Map.of("permission", method.permission(), "resource", resource), method.permission(), resource);
        }
        if (disabled.contains(id)) {
            String number = numberOf(id);
            throw ServiceError.SERVICE_DISABLED.withInfo("SERVICE_DISABLED", "googleapis.com",
                    Map.of("service", "aiplatform.googleapis.com", "consumer", "projects/" + number), number);
        }
        return id;
    }

    /** As {@link #admit}, then the caller's access to one location of the project (an IAM condition may deny just that). */
    String admitIn(String idOrNumber, String location, ApiMethod method, String resource) {
        String id = admit(idOrNumber, method, resource);
        if (denied.contains(id + "/" + location)) {
            throw ServiceError.PERMISSION_DENIED.withInfo("IAM_PERMISSION_DENIED", "aiplatform.googleapis.com",
                    Map.of("permission", method.permission(), "resource", resource), method.permission(), resource);
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
