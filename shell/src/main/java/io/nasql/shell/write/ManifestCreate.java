package io.nasql.shell.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ScopeKey;
import io.nasql.shell.Session;
import io.nasql.sync.JobValidator;
import io.nasql.sync.JobWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code nasql --manifest FILE}: creates every resource of a manifest in one scope, taken from
 * the {@code projectsId} and {@code locationsId} variables or from a single --projects and
 * --locations. Every resource is checked before the first is sent.
 */
public final class ManifestCreate {
    private ManifestCreate() {
    }

    public static void run(Session session, String rendered, String source, Map<String, JsonNode> vars) throws Exception {
        ScopeKey scope = scope(session, vars, source);
        List<Manifest.Resource> resources = Manifest.parse(rendered, source);
        for (Manifest.Resource resource : resources) {
            List<String> problems = JobValidator.problems(resource.job());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(source + ": resource " + resource.name() + " would be refused, so nothing was sent: "
                        + JobValidator.describe(problems));
            }
            if (!resource.ignored().isEmpty()) {
                session.notices().println("note: " + source + ": resource " + resource.name() + ": output-only fields ignored: "
                        + String.join(", ", resource.ignored()));
            }
        }
        JobWriter writer = new JobWriter(session.clients(), session.runner(), session.store(), session.clock());
        List<NasJob> created = new ArrayList<>();
        for (Manifest.Resource resource : resources) {
            created.add(writer.create(scope, resource.job()));
        }
        session.printer().print(Returning.jobs(created));
    }

    private static ScopeKey scope(Session session, Map<String, JsonNode> vars, String source) {
        String project = vars.containsKey("projectsId") ? vars.get("projectsId").asText()
                : session.config().projects().size() == 1 ? session.config().projects().get(0) : null;
        String location = vars.containsKey("locationsId") ? vars.get("locationsId").asText()
                : session.config().locations().size() == 1 ? session.config().locations().get(0) : null;
        if (project == null || location == null) {
            throw new IllegalArgumentException(source + ": name the scope to create in with --var projectsId=... --var locationsId=..."
                    + " (or a single --projects and --locations)");
        }
        return new ScopeKey(project, location);
    }
}
