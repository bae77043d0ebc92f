package io.nasql.sync;

/** No usable Google credentials; the message says how to provide them. */
public class CredentialsException extends RuntimeException {
    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
