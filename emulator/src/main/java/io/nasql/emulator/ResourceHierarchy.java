package io.nasql.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization, its folders (nested {@code folderDepth} deep) and the seeded projects under
 * them, as Resource Manager and Cloud Asset Inventory see them. Folder numbers follow the
 * organization's: top folder i is {@code org * 10 + 1 + i}, and each level below adds the folder count.
 * Projects are dealt among the chains in turn; each round sits one level higher, from the deepest
 * up, so with nested folders some projects sit in folders that hold folders too.
 */
final class ResourceHierarchy {
    private final String organization;
    private final Map<String, String> parentOfProject = new LinkedHashMap<>();
    private final Map<String, String> parentOfFolder = new LinkedHashMap<>();

    ResourceHierarchy(DiscoveryConfig config, List<String> projectIds) {
        this.organization = "organizations/" + config.organizationId();
        long first = Long.parseLong(config.organizationId()) * 10 + 1;
        List<List<String>> chains = new ArrayList<>();
        for (int i = 0; i < config.folders(); i++) {
            String parent = organization;
            List<String> chain = new ArrayList<>();
            for (int level = 0; level < config.folderDepth(); level++) {
                String folder = "folders/" + (first + i + (long) level * config.folders());
                parentOfFolder.put(folder, parent);
                chain.add(folder);
                parent = folder;
            }
            chains.add(chain);
        }
        for (int i = 0; i < projectIds.size(); i++) {
            int depth = config.folderDepth();
            parentOfProject.put(projectIds.get(i), chains.isEmpty() ? organization
                    : chains.get(i % chains.size()).get(depth - 1 - (i / chains.size()) % depth));
        }
    }

    String organization() {
        return organization;
    }

    boolean knows(String container) {
        return container.equals(organization) || parentOfFolder.containsKey(container);
    }

    /** The project's parent, {@code folders/N} or {@code organizations/N}; null for a project outside the hierarchy. */
    String parentOf(String projectId) {
        return parentOfProject.get(projectId);
    }

    /** The folders of a project's ancestry, nearest first. */
    List<String> foldersOf(String projectId) {
        List<String> ancestry = new ArrayList<>();
        for (String at = parentOf(projectId); at != null && at.startsWith("folders/"); at = parentOfFolder.get(at)) {
            ancestry.add(at);
        }
        return ancestry;
    }

    /** Whether a project sits anywhere under a container (a folder at any depth, or the organization). */
    boolean isUnder(String projectId, String container) {
        return parentOf(projectId) != null && (container.equals(organization) || foldersOf(projectId).contains(container));
    }

    List<String> projectsDirectlyUnder(String container) {
        return parentOfProject.entrySet().stream().filter(e -> e.getValue().equals(container)).map(Map.Entry::getKey).toList();
    }

    List<String> foldersDirectlyUnder(String container) {
        return parentOfFolder.entrySet().stream().filter(e -> e.getValue().equals(container)).map(Map.Entry::getKey).toList();
    }

    String parentOfFolder(String folder) {
        return parentOfFolder.get(folder);
    }
}
