package io.nasql.sync.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The folders and organizations a sync covers beside its named projects, and the projects it
 * leaves out (ids or globs with {@code *} and {@code ?}).
 */
public record DiscoveryScope(List<String> organizations, List<String> folders, List<String> excludeProjects) {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    public DiscoveryScope {
        organizations = List.copyOf(organizations);
        folders = List.copyOf(folders);
        excludeProjects = List.copyOf(excludeProjects);
        for (String org : organizations) {
            check(org, "organizations/", "--organization");
        }
        for (String folder : folders) {
            check(folder, "folders/", "--folder");
        }
    }

    public static DiscoveryScope none() {
        return new DiscoveryScope(List.of(), List.of(), List.of());
    }

    /** True when no folder or organization is named: the sync covers its named projects only. */
    public boolean coversNoContainer() {
        return organizations.isEmpty() && folders.isEmpty();
    }

    /** {@code organizations/N} and {@code folders/N}, as the APIs name them, organizations first. */
    public List<String> containers() {
        List<String> all = new ArrayList<>();
        organizations.forEach(o -> all.add(o.startsWith("organizations/") ? o : "organizations/" + o));
        folders.forEach(f -> all.add(f.startsWith("folders/") ? f : "folders/" + f));
        return all;
    }

    /** Whether --exclude-projects leaves this project out. */
    public boolean excludes(String projectId) {
        for (String glob : excludeProjects) {
            if (Pattern.matches(globToRegex(glob), projectId)) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static void check(String value, String prefix, String flag) {
        String bare = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
        if (!NUMBER.matcher(bare).matches()) {
            throw new IllegalArgumentException(flag + " takes a number (or " + prefix + "N), not '" + value + "'");
        }
    }
}
