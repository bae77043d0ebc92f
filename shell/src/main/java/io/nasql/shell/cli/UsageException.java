package io.nasql.shell.cli;

/** Bad command-line usage: exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
