package io.nasql.emulator;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;

/**
 * Every error text the emulator answers with, in the service's own format, each with where the
 * format comes from. Call sites fill a format; they never word an error themselves. "Assumed"
 * marks a text the public material does not show: the code is documented, the words are ours.
 */
enum ServiceError {
    /** Source: the capture of the real service; Google's IAM denial form (AIP-193 PERMISSION_DENIED). */
    PERMISSION_DENIED(Code.PERMISSION_DENIED,
            "Permission '%s' denied on resource '//aiplatform.googleapis.com/%s' (or it may not exist)."),
    /** Source: AIP-193 ErrorInfo reason SERVICE_DISABLED, the text every Google API answers for a disabled API. */
    SERVICE_DISABLED(Code.PERMISSION_DENIED, "Vertex AI API has not been used in project %1$s before or it is disabled."
            + " Enable it by visiting https://console.developers.google.com/apis/api/aiplatform.googleapis.com/overview?project=%1$s"
            + " then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry."),
    /** Source: Vertex AI quota page (600 CRUD requests per minute per project and region); Google's quota error form. */
    CRUD_QUOTA(Code.RESOURCE_EXHAUSTED, "Quota exceeded for quota metric 'Resource management (CRUD) requests' and limit"
            + " 'Resource management (CRUD) requests per minute per region' of service 'aiplatform.googleapis.com' for consumer"
            + " 'project_number:%s'."),
    /** Source: Vertex AI quota page (60 job or LRO submission requests per minute per project and region); Google's quota error form. */
    SUBMIT_QUOTA(Code.RESOURCE_EXHAUSTED, "Quota exceeded for quota metric 'Job or LRO submission requests' and limit"
            + " 'Job or LRO submission requests per minute per region' of service 'aiplatform.googleapis.com' for consumer"
            + " 'project_number:%s'."),
    /** Source: Vertex AI's create validation form (issue 13 capture); each item also a BadRequest field violation. */
    INVALID_FIELDS(Code.INVALID_ARGUMENT, "List of found errors:\t%s"),
    /** Source: Google API design guide, resource names; words assumed. */
    INVALID_NAME(Code.INVALID_ARGUMENT, "Invalid resource name in %s: '%s' is not of the form %s."),
    /** Source: AIP-158 (page tokens are opaque, a foreign one is INVALID_ARGUMENT); words assumed. */
    INVALID_PAGE_TOKEN(Code.INVALID_ARGUMENT, "Invalid page_token '%s'."),
    /** Source: AIP-158 (page_size must not be negative); words assumed. */
    INVALID_PAGE_SIZE(Code.INVALID_ARGUMENT, "page_size must not be negative, not %d."),
    /** Source: AIP-160 and ListNasJobsRequest.filter's comment (the fields and operators it supports); words assumed. */
    INVALID_FILTER(Code.INVALID_ARGUMENT, "Invalid filter \"%s\": %s."),
    /** Source: ListNasJobsRequest.read_mask (a FieldMask of NasJob; AIP-157); words assumed. */
    INVALID_READ_MASK(Code.INVALID_ARGUMENT, "Invalid read_mask: '%s' is not a field of NasJob."),
    /** Source: Vertex AI locations page (NAS runs in a few regions); code and words assumed, not documented. */
    LOCATION_UNSUPPORTED(Code.INVALID_ARGUMENT, "Neural Architecture Search is not supported in location '%s'."),
    /** Source: Vertex AI locations page (the regions that exist); code and words assumed. */
    LOCATION_UNKNOWN(Code.INVALID_ARGUMENT, "Location '%s' is not a Vertex AI location."),
    /** Source: AIP-131 (Get of a missing resource is NOT_FOUND); words in the form Vertex AI uses for its jobs, assumed. */
    NOT_FOUND(Code.NOT_FOUND, "The %s does not exist: %s."),
    /** Source: job_service.proto CancelNasJob comment (best effort; finished jobs cannot be cancelled); words assumed. */
    CANCEL_FINISHED(Code.FAILED_PRECONDITION, "The NasJob %s is in state %s and cannot be cancelled."),
    /** Source: Vertex AI job deletion (a job must be finished first; AIP-135 precondition); words assumed. */
    DELETE_UNFINISHED(Code.FAILED_PRECONDITION, "The NasJob %s is in state %s; only a NasJob in a final state can be deleted."
            + " Cancel it first."),
    /** Source: IAM denial form for Cloud Asset Inventory (cloudasset.assets.searchAllResources on the scope); words assumed. */
    /** Source: AIP-193 ErrorInfo reason SERVICE_DISABLED, for the Cloud Asset API in the caller's quota project. */
    ASSET_API_DISABLED(Code.PERMISSION_DENIED, "Cloud Asset API has not been used in project %1$s before or it is disabled."
            + " Enable it by visiting https://console.developers.google.com/apis/api/cloudasset.googleapis.com/overview?project=%1$s"
            + " then retry."),
    ASSET_SEARCH_DENIED(Code.PERMISSION_DENIED, "The caller does not have permission (cloudasset.assets.searchAllResources on %s)"),
    /** Source: Cloud Asset Inventory SearchAllResources scope forms (REST reference); words assumed. */
    ASSET_SCOPE_INVALID(Code.INVALID_ARGUMENT, "Invalid scope '%s': expected projects/{PROJECT_ID}, projects/{PROJECT_NUMBER},"
            + " folders/{FOLDER_NUMBER} or organizations/{ORGANIZATION_NUMBER}"),
    /** Source: SearchAllResourcesRequest.query (not modelled by the emulator); words ours. */
    ASSET_QUERY_UNSUPPORTED(Code.INVALID_ARGUMENT, "query is not supported by the nasql emulator: '%s'"),
    /** Source: Cloud Asset Inventory quotas page (search requests per minute per project); Google's quota error form. */
    ASSET_QUOTA(Code.RESOURCE_EXHAUSTED, "Quota exceeded for quota metric 'Search requests' and limit 'Search requests per minute"
            + " per project' of service 'cloudasset.googleapis.com'."),
    /** Source: Resource Manager's IAM denial (resourcemanager.projects.list/get); Google's denial form. */
    RESOURCE_MANAGER_DENIED(Code.PERMISSION_DENIED,
            "Permission '%s' denied on resource '//cloudresourcemanager.googleapis.com/%s' (or it may not exist)."),
    /** Source: Google's required-field form, as in INVALID_FIELDS, for one field. */
    REQUIRED_FIELD(Code.INVALID_ARGUMENT, "List of found errors:\t1.Field: %s; Message: Required field is not set.\t"),
    /** Source: gRPC status UNAVAILABLE as Google front ends word it. */
    UNAVAILABLE(Code.UNAVAILABLE, "The service is currently unavailable."),
    /** Source: gRPC status DEADLINE_EXCEEDED as Google APIs word it when the server gives up on a request. */
    DEADLINE_EXCEEDED(Code.DEADLINE_EXCEEDED, "Deadline expired before operation could complete."),
    /** Source: gRPC status INTERNAL as Google APIs word a transient server fault (the modelled answer, not an emulator bug). */
    INTERNAL_ERROR(Code.INTERNAL, "Internal error encountered."),
    /** Source: gRPC INTERNAL; words ours (a bug in the emulator, never a modelled answer). */
    INTERNAL(Code.INTERNAL, "emulator error: %s"),
    /** Source: gRPC CANCELLED; words ours (the emulator stopping). */
    SHUTTING_DOWN(Code.CANCELLED, "the emulator is shutting down");

    private final Code code;
    private final String format;

    ServiceError(Code code, String format) {
        this.code = code;
        this.format = format;
    }

    /** The status with the format filled. */
    StatusRuntimeException of(Object... args) {
        return status(String.format(java.util.Locale.ROOT, format, args), List.of());
    }

    /** As {@link #of}, with an {@code ErrorInfo} detail (domain and reason, as AIP-193 asks). */
    StatusRuntimeException withInfo(String reason, String domain, Map<String, String> metadata, Object... args) {
        Any info = Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(domain).putAllMetadata(metadata).build());
        return status(String.format(java.util.Locale.ROOT, format, args), List.of(info));
    }

    /** {@link #INVALID_FIELDS} for these violations: numbered in the message, and as a {@code BadRequest} detail. */
    static StatusRuntimeException invalidFields(List<BadRequest.FieldViolation> violations) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < violations.size(); i++) {
            list.append(i + 1).append(".Field: ").append(violations.get(i).getField())
                    .append("; Message: ").append(violations.get(i).getDescription()).append('\t');
        }
        Any details = Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build());
        return INVALID_FIELDS.status(String.format(INVALID_FIELDS.format, list), List.of(details));
    }

    private StatusRuntimeException status(String message, List<Any> details) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message).addAllDetails(details).build());
    }
}
