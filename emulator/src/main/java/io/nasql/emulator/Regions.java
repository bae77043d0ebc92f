package io.nasql.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Vertex AI regions, as ListLocations returns them whether or not NAS runs there.
 * Source: the Vertex AI locations page (cloud.google.com/vertex-ai/docs/general/locations).
 */
final class Regions {
    static final List<String> VERTEX_AI = List.of(
            "us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1", "us-west2", "us-west3", "us-west4",
            "northamerica-northeast1", "northamerica-northeast2", "northamerica-south1", "southamerica-east1", "southamerica-west1",
            "europe-central2", "europe-north1", "europe-southwest1", "europe-west1", "europe-west2", "europe-west3", "europe-west4",
            "europe-west6", "europe-west8", "europe-west9", "europe-west10", "europe-west12",
            "me-central1", "me-central2", "me-west1", "africa-south1",
            "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3", "asia-south1",
            "asia-southeast1", "asia-southeast2", "australia-southeast1", "australia-southeast2");

    private Regions() {
    }

    /** Every region ListLocations returns: the Vertex AI regions, and any served location beyond them. */
    static List<String> listed(List<String> served) {
        Set<String> all = new LinkedHashSet<>(VERTEX_AI);
        all.addAll(served);
        return new ArrayList<>(all);
    }
}
