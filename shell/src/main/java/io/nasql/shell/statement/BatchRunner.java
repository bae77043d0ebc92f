package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.sync.CancelToken;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the statements of scripts filled beforehand by {@link #prepare}, each in turn with its own
 * cancellation token. The first failure stops it unless errors are ignored; an interrupt always
 * stops it. Each failure goes to {@code onError}.
 */
public final class BatchRunner {
    private final StatementEngine engine;
    private final Settings settings;
    private final Writer out;
    private final StatementTokens tokens;
    private final boolean dryRun;
    private final boolean ignoreErrors;
    private final Consumer<RuntimeException> onError;

    /** What a batch run is made of. */
    public record Parts(StatementEngine engine, Settings settings, Writer out, StatementTokens tokens,
                        boolean dryRun, boolean ignoreErrors, Consumer<RuntimeException> onError) {
    }

    public BatchRunner(Parts parts) {
        this.engine = parts.engine();
        this.settings = parts.settings();
        this.out = parts.out();
        this.tokens = parts.tokens();
        this.dryRun = parts.dryRun();
        this.ignoreErrors = parts.ignoreErrors();
        this.onError = parts.onError();
    }

    /**
     * Splits a script as {@code dialect} lexes it and fills all its templates. Called for every
     * script before anything runs, so that a bad value anywhere runs nothing; it throws then.
     */
    public static List<Statement> prepare(String script, String source, TemplateRenderer templates, Backend dialect) {
        return StatementSplitter.split(script, source, dialect).stream().map(templates::render).toList();
    }

    /** Runs a prepared script; true when every statement succeeded and nothing was interrupted. */
    public boolean run(List<Statement> statements) throws IOException {
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
