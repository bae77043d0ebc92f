package io.nasql.sync.discovery;

import com.google.cloud.resourcemanager.v3.Folder;
import com.google.cloud.resourcemanager.v3.ListFoldersRequest;
import com.google.cloud.resourcemanager.v3.ListFoldersResponse;
import com.google.cloud.resourcemanager.v3.ListProjectsRequest;
import com.google.cloud.resourcemanager.v3.ListProjectsResponse;
import com.google.cloud.resourcemanager.v3.Project;
import io.nasql.db.ScopeKey;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CallRunner;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resource Manager: a project number to the project id that the inventory's rows are keyed by
 * (GetProject, remembered), and the projects anywhere under a folder or organization
 * (ListFolders and ListProjects, level by level).
 */
final class ProjectIds {
    private static final int PAGE_SIZE = 1000;
    /**
     * The one rate-limiter key of every Resource Manager call: its quota is charged to the caller's
     * project, not to the project looked up, so all lookups share one allowance (and one backoff).
     */
    static final ScopeKey QUOTA = new ScopeKey("resourcemanager.googleapis.com", "caller");

    private final DiscoveryClients clients;
    private final CallRunner runner;
    private final CancelToken cancel;
    private final Map<String, String> idByNumber = new ConcurrentHashMap<>();

    ProjectIds(DiscoveryClients clients, CallRunner runner, CancelToken cancel) {
        this.cancel = cancel;
        this.clients = clients;
        this.runner = runner;
    }

    String idOf(String number) throws InterruptedException {
        String known = idByNumber.get(number);
        if (known != null) {
            return known;
        }
        String name = "projects/" + number;
        Project project = runner.call(QUOTA, () -> clients.projects().getProject(name), true, cancel);
        idByNumber.put(number, project.getProjectId());
        return project.getProjectId();
    }

    /**
     * The ids of many project numbers, looked up {@code parallelism} at a time (each a GetProject).
     * A number whose lookup failed maps to its {@link ApiCallException}.
     */
    Map<String, Object> idsOf(Collection<String> numbers, int parallelism) throws InterruptedException {
        Map<String, Object> ids = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return ids;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, numbers.size())), r -> {
            Thread t = new Thread(r, "nasql-project-ids");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<String>> lookups = new LinkedHashMap<>();
            numbers.forEach(n -> lookups.put(n, pool.submit(() -> idOf(n))));
            for (Map.Entry<String, Future<String>> lookup : lookups.entrySet()) {
                try {
                    ids.put(lookup.getKey(), lookup.getValue().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ApiCallException && cancel.isCancelled()) {
                        // A failed try whose retry Ctrl-C cut short: not the project's answer.
                        throw new CancelledException();
                    } else if (e.getCause() instanceof ApiCallException failure) {
                        ids.put(lookup.getKey(), failure);
                    } else if (e.getCause() instanceof CancelledException cancelled) {
                        throw cancelled;
                    } else if (e.getCause() instanceof InterruptedException i) {
                        throw i;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return ids;
    }

    /** The ids of the active projects under a container, through its folders at every depth. */
    List<String> projectsUnder(String container) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        List<String> level = List.of(container);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                ids.addAll(projectsDirectlyUnder(parent));
                next.addAll(foldersDirectlyUnder(parent));
            }
            level = next;
        }
        return ids;
    }

    private List<String> projectsDirectlyUnder(String parent) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        String token = "";
        do {
            ListProjectsRequest request = ListProjectsRequest.newBuilder().setParent(parent).setPageSize(PAGE_SIZE).setPageToken(token).build();
            ListProjectsResponse page = runner.call(QUOTA,
                    () -> clients.projects().listProjectsCallable().call(request), true, cancel);
            for (Project p : page.getProjectsList()) {
                if (p.getState() == Project.State.ACTIVE) {
                    ids.add(p.getProjectId());
                    idByNumber.put(p.getName().substring("projects/".length()), p.getProjectId());
                }
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return ids;
    }

    private List<String> foldersDirectlyUnder(String parent) throws InterruptedException {
        List<String> folders = new ArrayList<>();
        String token = "";
        do {
            ListFoldersRequest request = ListFoldersRequest.newBuilder().setParent(parent).setPageSize(PAGE_SIZE).setPageToken(token).build();
            ListFoldersResponse page = runner.call(QUOTA,
                    () -> clients.folders().listFoldersCallable().call(request), true, cancel);
            page.getFoldersList().stream().filter(f -> f.getState() == Folder.State.ACTIVE).map(Folder::getName).forEach(folders::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return folders;
    }
}
