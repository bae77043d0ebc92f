package io.nasql.sync;

import java.nio.file.Path;

/**
 * Where API calls go and how they authenticate.
 *
 * @param endpoint        HOST:PORT for every location, or null for the regional endpoints
 * @param plaintext       no TLS and no credentials (the emulator)
 * @param credentialsFile a service-account key, or null for Application Default Credentials
 */
public record ApiTarget(String endpoint, boolean plaintext, Path credentialsFile) {

    /** The real API: regional endpoints and Application Default Credentials. */
    public static ApiTarget google() {
        return new ApiTarget(null, false, null);
    }

    /** An emulator at HOST:PORT. */
    public static ApiTarget emulator(String endpoint) {
        return new ApiTarget(endpoint, true, null);
    }

    /** Cloud Asset Inventory's endpoint, unless overridden. */
    public String assetEndpoint() {
        return endpoint != null ? endpoint : "cloudasset.googleapis.com:443";
    }

    /** Resource Manager's endpoint, unless overridden. */
    public String resourceManagerEndpoint() {
        return endpoint != null ? endpoint : "cloudresourcemanager.googleapis.com:443";
    }

    /** The endpoint that serves a location: {@code {location}-aiplatform.googleapis.com:443} unless overridden. */
    public String endpointFor(String location) {
        return endpoint != null ? endpoint : location + "-aiplatform.googleapis.com:443";
    }
}
