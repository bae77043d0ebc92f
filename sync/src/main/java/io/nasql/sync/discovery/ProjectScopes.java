package io.nasql.sync.discovery;

import io.nasql.sync.ScopeResolver;
import java.util.List;

/**
 * The seam to sync's own location listing: the scopes of named projects, asking ListLocations
 * per project when no locations are given. Wired to {@link ScopeResolver#resolve}.
 */
@FunctionalInterface
public interface ProjectScopes {
    ScopeResolver.Resolution resolve(List<String> projects, List<String> locations) throws InterruptedException;
}
