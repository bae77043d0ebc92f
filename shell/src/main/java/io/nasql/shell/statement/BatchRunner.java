package io.nasql.shell.statement;

import io.nasql.shell.Session;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a script: splits it, fills all its templates, and executes each statement in turn. The
 * first failure stops it unless errors are ignored; each failure goes to {@code onError}.
 */
public final class BatchRunner {
    private final StatementEngine engine;
    private final TemplateRenderer templates;
    private final boolean dryRun;
    private final boolean ignoreErrors;
    private final Consumer<RuntimeException> onError;

    public BatchRunner(StatementEngine engine, TemplateRenderer templates, boolean dryRun, boolean ignoreErrors,
                       Consumer<RuntimeException> onError) {
        this.engine = engine;
        this.templates = templates;
        this.dryRun = dryRun;
        this.ignoreErrors = ignoreErrors;
        this.onError = onError;
    }

    /** Runs the script; true when every statement succeeded. */
    public boolean run(String script, String source, Session session) throws IOException {
        List<Statement> statements;
        try {
            // Every template is filled before the first statement runs: a bad value runs nothing.
            statements = StatementSplitter.split(script, source).stream().map(templates::render).toList();
        } catch (RuntimeException e) {
            onError.accept(e);
            return false;
        }
        boolean ok = true;
        for (Statement rendered : statements) {
            try {
                if (dryRun) {
                    Writer out = session.out();
                    out.write(rendered.text() + ";\n");
                    out.flush();
                } else {
                    engine.execute(rendered, session);
                }
            } catch (RuntimeException e) {
                ok = false;
                onError.accept(e);
                if (!ignoreErrors) {
                    return false;
                }
            }
        }
        return ok;
    }
}
