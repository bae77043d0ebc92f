package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.sync.CancelToken;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a script: splits it, fills all its templates, and executes each statement in turn with
 * its own cancellation token. The first failure stops it unless errors are ignored; an
 * interrupt always stops it. Each failure goes to {@code onError}.
 */
public final class BatchRunner {
    private final StatementEngine engine;
    private final TemplateRenderer templates;
    private final Settings settings;
    private final Writer out;
    private final StatementTokens tokens;
    private final boolean dryRun;
    private final boolean ignoreErrors;
    private final Consumer<RuntimeException> onError;
    private final Backend dialect;

    /** What a batch run is made of; {@code dialect} is the inventory's database, whose lexing splits the script. */
    public record Parts(StatementEngine engine, TemplateRenderer templates, Settings settings, Writer out, StatementTokens tokens,
                        boolean dryRun, boolean ignoreErrors, Consumer<RuntimeException> onError, Backend dialect) {
    }

    public BatchRunner(Parts parts) {
        this.engine = parts.engine();
        this.templates = parts.templates();
        this.settings = parts.settings();
        this.out = parts.out();
        this.tokens = parts.tokens();
        this.dryRun = parts.dryRun();
        this.ignoreErrors = parts.ignoreErrors();
        this.onError = parts.onError();
        this.dialect = parts.dialect();
    }

    /** Runs the script; true when every statement succeeded and nothing was interrupted. */
    public boolean run(String script, String source) throws IOException {
        List<Statement> statements;
        try {
            // Every template is filled before the first statement runs: a bad value runs nothing.
            statements = StatementSplitter.split(script, source, dialect).stream().map(templates::render).toList();
        } catch (RuntimeException e) {
            onError.accept(e);
            return false;
        }
        boolean ok = true;
        for (Statement rendered : statements) {
            if (tokens.interrupted()) {
                return false;
            }
            CancelToken cancel = tokens.next();
            try {
                if (dryRun) {
                    out.write(rendered.text() + ";\n");
                    out.flush();
                } else {
                    engine.execute(rendered, new Execution(cancel, settings, out, false));
                }
            } catch (RuntimeException e) {
                ok = false;
                onError.accept(e);
                if (!ignoreErrors || tokens.interrupted()) {
                    return false;
                }
            }
        }
        return ok && !tokens.interrupted();
    }
}
