package io.nasql.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization, its folders and the seeded projects under them, as Resource Manager and
 * Cloud Asset Inventory see them. Folder numbers follow the organization's.
 */
final class ResourceHierarchy {
    private final String organization;
    private final Map<String, String> parentOfProject = new LinkedHashMap<>();
    private final List<String> folders = new ArrayList<>();

    ResourceHierarchy(DiscoveryConfig config, List<String> projectIds) {
        this.organization = "organizations/" + config.organizationId();
        for (int i = 0; i < config.folders(); i++) {
            folders.add("folders/" + (Long.parseLong(config.organizationId()) * 10 + 1 + i));
        }
        for (int i = 0; i < projectIds.size(); i++) {
            parentOfProject.put(projectIds.get(i), folders.isEmpty() ? organization : folders.get(i % folders.size()));
        }
    }

    String organization() {
        return organization;
    }

    boolean knows(String container) {
        return container.equals(organization) || folders.contains(container);
    }

    /** The project's parent, {@code folders/N} or {@code organizations/N}; null for a project outside the hierarchy. */
    String parentOf(String projectId) {
        return parentOfProject.get(projectId);
    }

    /** The folders of a project's ancestry, nearest first. */
    List<String> foldersOf(String projectId) {
        String parent = parentOf(projectId);
        return parent != null && parent.startsWith("folders/") ? List.of(parent) : List.of();
    }

    /** Whether a project sits anywhere under a container (itself a project, folder or organization). */
    boolean isUnder(String projectId, String container) {
        String parent = parentOf(projectId);
        return parent != null && (container.equals(organization) || container.equals(parent));
    }

    List<String> projectsDirectlyUnder(String container) {
        return parentOfProject.entrySet().stream().filter(e -> e.getValue().equals(container)).map(Map.Entry::getKey).toList();
    }

    List<String> foldersDirectlyUnder(String container) {
        return container.equals(organization) ? List.copyOf(folders) : List.of();
    }

    String parentOfFolder(String folder) {
        return organization;
    }
}
