package io.nasql.shell.statement;

import io.nasql.shell.output.OutputFormat;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's settings: one value each, changed by {@code SET}, {@code .output} and the
 * command line alike, and kept until changed again.
 */
public final class Settings {
    private final Map<Setting, Object> values = new ConcurrentHashMap<>();

    public Settings() {
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
        }
    }

    public Object get(Setting setting) {
        return values.get(setting);
    }

    public void set(Setting setting, Object value) {
        values.put(setting, value);
    }

    public OutputFormat format() {
        return (OutputFormat) values.get(Setting.OUTPUT);
    }

    public Duration maxAge() {
        return (Duration) values.get(Setting.MAX_AGE);
    }

    public Duration runningRefresh() {
        return (Duration) values.get(Setting.RUNNING_REFRESH);
    }
}
