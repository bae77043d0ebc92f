package io.nasql.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a listed job is the one a create asked for, so that an ambiguous create adopts only
 * its own job, never a colleague's twin: the same display name, labels, encryption and
 * restricted-image setting, and a spec that holds every field the request set, with the same
 * value. The specs are compared as JSON trees, so defaults the service adds do not break a match.
 */
final class SameJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SameJob() {
    }

    static boolean as(NasJob request, NasJob candidate) {
        return candidate.getDisplayName().equals(request.getDisplayName())
                && candidate.getLabelsMap().equals(request.getLabelsMap())
                && candidate.getEncryptionSpec().equals(request.getEncryptionSpec())
                && candidate.getEnableRestrictedImageTraining() == request.getEnableRestrictedImageTraining()
                && holds(json(candidate.getNasJobSpec()), json(request.getNasJobSpec()));
    }

    /** True when {@code have} has every field of {@code want} with an equal value; arrays match element by element. */
    static boolean holds(JsonNode have, JsonNode want) {
        if (want.isObject()) {
            if (!have.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = want.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!have.has(field.getKey()) || !holds(have.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            if (!have.isArray() || have.size() != want.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!holds(have.get(i), want.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return want.equals(have);
    }

    private static JsonNode json(MessageOrBuilder message) {
        try {
            return JSON.readTree(JsonFormat.printer().print(message));
        } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a NasJobSpec that does not print as JSON", e);
        }
    }
}
