package io.nasql.shell.statement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code SET name = value} for the session settings of {@link Setting}. */
public final class SettingHandler implements Handler {
    private static final Pattern SET = Pattern.compile("^\\s*SET\\s+(\\w+)\\s*(?:=|TO)\\s*(.+?)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Settings settings;

    public SettingHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        Matcher m = SET.matcher(Sql.stripComments(statement.text(), statement.dialect()));
        if (!m.matches()) {
            throw new StatementException("write a setting as SET name = value", statement.position());
        }
        try {
            Setting setting = Setting.named(m.group(1));
            settings.set(setting, setting.parse(m.group(2)));
            execution.printer().printStatus("SET " + setting.settingName());
        } catch (IllegalArgumentException e) {
            throw new StatementException(e.getMessage(), statement.position());
        }
    }
}
