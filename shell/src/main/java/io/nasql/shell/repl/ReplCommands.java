package io.nasql.shell.repl;

import java.util.List;
import java.util.Locale;

/** The shell's own commands, which are not statements and need no {@code ;}. */
final class ReplCommands {
    static final List<String> NAMES = List.of("help", ".output", ".timing", ".tables", ".vertical", ".pager", ".editing", "exit", "quit", "\\q");

    static final String HELP = """
            Statements end with ; and may span lines. Any SQL runs on the inventory; these reach the API:
              SELECT ... FROM google.aiplatform.nas_jobs WHERE projectsId = '...' AND locationsId = '...';  (syncs stale scopes first)
              INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec, ...) SELECT ...;
              DELETE FROM google.aiplatform.nas_jobs WHERE ...;
              EXEC google.aiplatform.nas_jobs.cancel @locationsId='...', @nasJobsId='...', @projectsId='...';
              SYNC [google.aiplatform.nas_jobs] [WHERE projectsId = '...' AND locationsId = '...'];
              SHOW SERVICES; SHOW RESOURCES IN google.aiplatform; SHOW METHODS IN google.aiplatform.nas_jobs;
              DESCRIBE google.aiplatform.nas_jobs;   SET max_age = 0;   SET output = json;
            End a statement with \\G instead of ; to show one field per line.
            Commands:
              help                          this text
              .output table|json|csv|text   the result format
              .timing on|off                show how long each statement took
              .tables                       the resource and the local tables
              .vertical on|off              one field per line for every result
              .pager on|off                 page results taller than the screen ($PAGER, or less -SRF)
              .editing emacs|vi             the editing mode
              exit, quit, \\q, Ctrl-D        leave
            Ctrl-C cancels a running statement, or clears the line. Ctrl-R searches the history.
            """;

    private ReplCommands() {
    }

    static boolean isCommand(String trimmed) {
        String first = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String bare = first.endsWith(";") ? first.substring(0, first.length() - 1) : first;
        return NAMES.contains(bare);
    }
}
