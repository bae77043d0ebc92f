package io.nasql.shell.statement;

import io.nasql.shell.Session;

/** Runs one kind of statement. */
@FunctionalInterface
public interface Handler {
    void run(Statement statement, Session session) throws Exception;
}
