package io.nasql.emulator;

import com.google.cloud.asset.v1.SearchAllResourcesRequest;
import com.google.cloud.asset.v1.SearchAllResourcesResponse;
import com.google.cloud.resourcemanager.v3.GetProjectRequest;
import com.google.cloud.resourcemanager.v3.ListFoldersRequest;
import com.google.cloud.resourcemanager.v3.ListFoldersResponse;
import com.google.cloud.resourcemanager.v3.ListProjectsRequest;
import com.google.cloud.resourcemanager.v3.ListProjectsResponse;
import com.google.cloud.resourcemanager.v3.Project;
import io.grpc.ServerServiceDefinition;
import java.util.List;

/**
 * The service definitions of Cloud Asset Inventory and Resource Manager, served on the same port
 * as the Vertex AI API; built from MethodDescriptors like the JobService's.
 */
final class DiscoveryServices {
    private static final String ASSET = "google.cloud.asset.v1.AssetService";
    private static final String PROJECTS = "google.cloud.resourcemanager.v3.Projects";
    private static final String FOLDERS = "google.cloud.resourcemanager.v3.Folders";

    private DiscoveryServices() {
    }

    static List<ServerServiceDefinition> definitions(AssetService assets, ResourceManagerService manager, CallStats stats) {
        return List.of(
                ServerServiceDefinition.builder(ASSET)
                        .addMethod(EmulatorServer.unary(ASSET, "SearchAllResources", SearchAllResourcesRequest.getDefaultInstance(),
                                SearchAllResourcesResponse.getDefaultInstance(), assets::searchAllResources, stats))
                        .build(),
                ServerServiceDefinition.builder(PROJECTS)
                        .addMethod(EmulatorServer.unary(PROJECTS, "GetProject", GetProjectRequest.getDefaultInstance(),
                                Project.getDefaultInstance(), manager::getProject, stats))
                        .addMethod(EmulatorServer.unary(PROJECTS, "ListProjects", ListProjectsRequest.getDefaultInstance(),
                                ListProjectsResponse.getDefaultInstance(), manager::listProjects, stats))
                        .build(),
                ServerServiceDefinition.builder(FOLDERS)
                        .addMethod(EmulatorServer.unary(FOLDERS, "ListFolders", ListFoldersRequest.getDefaultInstance(),
                                ListFoldersResponse.getDefaultInstance(), manager::listFolders, stats))
                        .build());
    }
}
