package io.nasql.db;

/** One sync scope: a project, named by the id the user gave, and a location. */
public record ScopeKey(String projectsId, String locationsId) implements Comparable<ScopeKey> {
    public ScopeKey {
        if (projectsId == null || projectsId.isBlank() || locationsId == null || locationsId.isBlank()) {
            throw new IllegalArgumentException("a scope needs a project and a location");
        }
    }

    @Override
    public int compareTo(ScopeKey other) {
        int byProject = projectsId.compareTo(other.projectsId);
        return byProject != 0 ? byProject : locationsId.compareTo(other.locationsId);
    }

    @Override
    public String toString() {
        return projectsId + "/" + locationsId;
    }
}
