package io.nasql.sync;

import com.google.api.gax.rpc.ApiException;
import java.util.List;

/**
 * An API call that failed for good: the gRPC status code, the service's message, and what its
 * details said: the {@code ErrorInfo} reason (e.g. SERVICE_DISABLED) and any {@code BadRequest}
 * field violations, each {@code field: description}.
 */
public class ApiCallException extends RuntimeException {
    private final String code;
    private final String reason;
    private final List<String> violations;

    public ApiCallException(String code, String message, Throwable cause) {
        this(code, message, cause, null, List.of());
    }

    public ApiCallException(String code, String message, Throwable cause, String reason, List<String> violations) {
        super(message, cause);
        this.code = code;
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    static ApiCallException of(ApiException e) {
        String reason = e.getReason();
        List<String> violations = e.getErrorDetails() == null || e.getErrorDetails().getBadRequest() == null ? List.of()
                : e.getErrorDetails().getBadRequest().getFieldViolationsList().stream()
                        .map(v -> v.getField() + ": " + v.getDescription()).toList();
        return new ApiCallException(e.getStatusCode().getCode().name(), describe(e), e, reason, violations);
    }

    /** The service's own words, without gRPC's "io.grpc.StatusRuntimeException: CODE: " prefix. */
    static String describe(ApiException e) {
        String message = e.getCause() instanceof io.grpc.StatusRuntimeException s && s.getStatus().getDescription() != null
                ? s.getStatus().getDescription()
                : e.getMessage();
        return message == null ? e.getStatusCode().getCode().name() : message;
    }

    /** The status code name, e.g. {@code FAILED_PRECONDITION}. */
    public String code() {
        return code;
    }

    /** The ErrorInfo reason, e.g. {@code SERVICE_DISABLED}; null when the service gave none. */
    public String reason() {
        return reason;
    }

    /**
     * The IAM permission the service says was missing (ErrorInfo metadata {@code permission}); null
     * when it named none. Found through any wrapping, e.g. "cannot list the locations of ...".
     */
    public String permission() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.getMetadata() == null ? null : api.getMetadata().get("permission");
            }
        }
        return null;
    }

    /** The BadRequest field violations, {@code field: description}; empty when there were none. */
    public List<String> violations() {
        return violations;
    }

    /**
     * {@code CODE: message}, as nasql prints API errors; with field violations, each on a line of
     * its own instead of the service's tab-separated list.
     */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return code + ": " + getMessage();
        }
        StringBuilder text = new StringBuilder(code).append(": the service found ").append(violations.size())
                .append(violations.size() == 1 ? " problem:" : " problems:");
        violations.forEach(v -> text.append(System.lineSeparator()).append("  ").append(v));
        return text.toString();
    }
}
