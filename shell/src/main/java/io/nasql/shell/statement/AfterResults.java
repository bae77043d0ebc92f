package io.nasql.shell.statement;

/**
 * Results that reach the user later than they are written (held for a screen, or read in a pager): a
 * notice about them, such as how many rows a report's cap left out, is shown once they have all been shown.
 */
public interface AfterResults {
    void afterResults(String line);
}
