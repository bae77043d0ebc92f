package io.nasql.sync;

import com.google.api.gax.rpc.ApiException;

/** An API call that failed for good: the gRPC status code and the service's message. */
public class ApiCallException extends RuntimeException {
    private final String code;

    public ApiCallException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    static ApiCallException of(ApiException e) {
        return new ApiCallException(e.getStatusCode().getCode().name(), describe(e), e);
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

    /** {@code CODE: message}, as nasql prints API errors. */
    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
