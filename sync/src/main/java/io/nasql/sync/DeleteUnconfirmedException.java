package io.nasql.sync;

/**
 * A delete the API accepted whose end nasql could not see: reading its operation failed, or it ran
 * past the delete timeout. The delete goes on at the API; the row stays until a sync sees it gone.
 */
public final class DeleteUnconfirmedException extends ApiCallException {
    public DeleteUnconfirmedException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
