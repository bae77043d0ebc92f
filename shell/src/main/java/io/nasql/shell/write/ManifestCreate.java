package io.nasql.shell.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.db.ScopeKey;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Statement;
import io.nasql.sync.JobValidator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code nasql --manifest FILE}: creates every resource of a manifest in one scope, taken from
 * the {@code projectsId} and {@code locationsId} variables or from a single --projects and
 * --locations. Every resource is checked before the first is sent; the report names each one.
 */
public final class ManifestCreate {
    private final JobWriters writers;
    private final PrintWriter notices;
    private final List<String> projects;
    private final List<String> locations;

    /** Creates with {@code writers}; {@code projects} and {@code locations} are the configured scope. */
    public ManifestCreate(JobWriters writers, PrintWriter notices, List<String> projects, List<String> locations) {
        this.writers = writers;
        this.notices = notices;
        this.projects = List.copyOf(projects);
        this.locations = List.copyOf(locations);
    }

    /** Creates the resources of a manifest's tree, its variables already filled in by {@link ManifestVariables}. */
    public void run(JsonNode manifest, String source, Map<String, JsonNode> vars, Execution execution) throws Exception {
        ScopeKey scope = scope(vars, source);
        List<Manifest.Resource> resources = Manifest.resources(manifest, source);
        List<Creates.Draft> drafts = new ArrayList<>();
        for (Manifest.Resource resource : resources) {
            List<String> problems = JobValidator.problems(resource.job());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(source + ": resource " + resource.name() + " would be refused, so nothing was sent: "
                        + JobValidator.describe(problems));
            }
            if (!resource.ignored().isEmpty()) {
                notices.println("note: " + source + ": resource " + resource.name() + ": output-only fields ignored: "
                        + String.join(", ", resource.ignored()));
            }
            drafts.add(new Creates.Draft(scope, resource.job()));
        }
        Creates.send(drafts, writers, execution, new Statement("", source, 1, 1));
    }

    private ScopeKey scope(Map<String, JsonNode> vars, String source) {
        String project = vars.containsKey("projectsId") ? vars.get("projectsId").asText()
                : projects.size() == 1 ? projects.get(0) : null;
        String location = vars.containsKey("locationsId") ? vars.get("locationsId").asText()
                : locations.size() == 1 ? locations.get(0) : null;
        if (project == null || location == null) {
            throw new IllegalArgumentException(source + ": name the scope to create in with --var projectsId=... --var locationsId=..."
                    + " (or a single --projects and --locations)");
        }
        return new ScopeKey(project, location);
    }
}
