package io.nasql.emulator;

import com.google.cloud.resourcemanager.v3.Folder;
import com.google.cloud.resourcemanager.v3.GetProjectRequest;
import com.google.cloud.resourcemanager.v3.ListFoldersRequest;
import com.google.cloud.resourcemanager.v3.ListFoldersResponse;
import com.google.cloud.resourcemanager.v3.ListProjectsRequest;
import com.google.cloud.resourcemanager.v3.ListProjectsResponse;
import com.google.cloud.resourcemanager.v3.Project;
import java.util.Comparator;
import java.util.List;

/**
 * The Resource Manager v3 methods nasql needs: GetProject (a project number to its id),
 * ListProjects and ListFolders (the projects under a folder or organization).
 */
final class ResourceManagerService {
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;

    private final ProjectRegistry projects;
    private final ResourceHierarchy hierarchy;
    private final Faults faults;

    ResourceManagerService(EmulatorConfig config, ProjectRegistry projects, ResourceHierarchy hierarchy) {
        this.projects = projects;
        this.hierarchy = hierarchy;
        this.faults = new Faults(config);
    }

    Project getProject(GetProjectRequest request) throws InterruptedException {
        faults.apply();
        String segment = Names.project("name", request.getName());
        String id = projects.resolve(segment);
        if (id == null || hierarchy.parentOf(id) == null) {
            throw notVisible(segment);
        }
        return project(id);
    }

    ListProjectsResponse listProjects(ListProjectsRequest request) throws InterruptedException {
        faults.apply();
        String parent = container("parent", request.getParent(), "resourcemanager.projects.list");
        // Sorted by display_name, ascending, as projects.proto says of ListProjects.
        List<String> children = hierarchy.projectsDirectlyUnder(parent).stream().sorted(Comparator.comparing(ResourceManagerService::displayName)).toList();
        int from = OffsetToken.offset(request.getPageToken(), "projects|" + parent);
        int size = OffsetToken.pageSize(request.getPageSize(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        ListProjectsResponse.Builder response = ListProjectsResponse.newBuilder();
        children.subList(Math.min(from, children.size()), Math.min(children.size(), from + size)).forEach(p -> response.addProjects(project(p)));
        if (from + size < children.size()) {
            response.setNextPageToken(OffsetToken.of("projects|" + parent, from + size));
        }
        return response.build();
    }

    ListFoldersResponse listFolders(ListFoldersRequest request) throws InterruptedException {
        faults.apply();
        String parent = container("parent", request.getParent(), "resourcemanager.folders.list");
        // Sorted by display_name, ascending, as folders.proto says of ListFolders.
        List<String> children = hierarchy.foldersDirectlyUnder(parent).stream().sorted(Comparator.comparing(ResourceManagerService::folderName)).toList();
        int from = OffsetToken.offset(request.getPageToken(), "folders|" + parent);
        int size = OffsetToken.pageSize(request.getPageSize(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        ListFoldersResponse.Builder response = ListFoldersResponse.newBuilder();
        for (String folder : children.subList(Math.min(from, children.size()), Math.min(children.size(), from + size))) {
            response.addFolders(Folder.newBuilder().setName(folder).setParent(hierarchy.parentOfFolder(folder))
                    .setDisplayName(folderName(folder)).setState(Folder.State.ACTIVE));
        }
        if (from + size < children.size()) {
            response.setNextPageToken(OffsetToken.of("folders|" + parent, from + size));
        }
        return response.build();
    }

    private static String folderName(String folder) {
        return "folder " + folder.substring("folders/".length());
    }

    private static String displayName(String projectId) {
        return projectId;
    }

    /** A parent to list under; one the caller cannot see is denied with the permission the method needs. */
    private String container(String field, String name, String permission) {
        if (name.isEmpty()) {
            throw ServiceError.REQUIRED_FIELD.of(field);
        }
        if (!name.matches("(folders|organizations)/\\d+")) {
            throw ServiceError.INVALID_NAME.of(field, name, "folders/{folder} or organizations/{organization}");
        }
        if (!hierarchy.knows(name)) {
            throw ServiceError.RESOURCE_MANAGER_DENIED.of(permission, name);
        }
        return name;
    }

    private Project project(String id) {
        return Project.newBuilder()
                .setName("projects/" + projects.numberOf(id))
                .setProjectId(id)
                .setParent(hierarchy.parentOf(id))
                .setDisplayName(displayName(id))
                .setState(Project.State.ACTIVE)
                .build();
    }

    private static RuntimeException notVisible(String segment) {
        return ServiceError.RESOURCE_MANAGER_DENIED.of("resourcemanager.projects.get", "projects/" + segment);
    }
}
