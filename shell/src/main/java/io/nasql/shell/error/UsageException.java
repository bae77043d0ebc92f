package io.nasql.shell.error;

/** Bad command-line usage: exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
