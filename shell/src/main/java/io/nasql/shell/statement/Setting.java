package io.nasql.shell.statement;

import io.nasql.shell.output.OutputFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The session settings that {@code SET name = value} changes: a name, a parser and a default. */
public enum Setting {
    /** How old a scope's rows may be before a SELECT that pins it syncs it first; 0 = always live. */
    MAX_AGE("5m") {
        @Override
        Object parse(String value) {
            return parseDuration(value);
        }
    },
    /**
     * How often sync reads a RUNNING job again (GetNasJob, for its trials) even when its listed
     * updateTime has not moved: the service does not document that finishing trials bump it.
     */
    RUNNING_REFRESH("15m") {
        @Override
        Object parse(String value) {
            return parseDuration(value);
        }
    },
    /** The result format, as {@code -o}. */
    OUTPUT("table") {
        @Override
        Object parse(String value) {
            return OutputFormat.parse(value);
        }
    },
    /** CSV lines end with CRLF, as RFC 4180 has it, instead of a newline ({@code --csv-crlf}). */
    CSV_CRLF("off") {
        @Override
        Object parse(String value) {
            return parseOnOff(value);
        }
    },
    /** Colour in results (the vertical form's field names): on when results go to a colour terminal. */
    COLOR("off") {
        @Override
        Object parse(String value) {
            return parseOnOff(value);
        }
    };

    private final String defaultValue;

    Setting(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    abstract Object parse(String value);

    /** The typed value of a setting's text; IllegalArgumentException when it does not fit. */
    public Object parseValue(String value) {
        return parse(value);
    }

    public Object defaultValue() {
        return parse(defaultValue);
    }

    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Setting::settingName).toList();
    }

    public static Setting named(String name) {
        for (Setting s : values()) {
            if (s.settingName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + name + "': known are " + String.join(", ", names()));
    }

    /** {@code on}/{@code off} (also true/false); a Boolean passes through. */
    static Boolean parseOnOff(String text) {
        String value = text.trim().replaceAll("^'|'$", "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("'" + text.trim() + "' is not on or off");
        };
    }

    /** A duration as {@code SET max_age} takes it back: 0, 90s, 5m, 2h. */
    public static String formatDuration(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0";
        }
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** {@code 0}, {@code 90} (seconds), {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT5M}. */
    static Duration parseDuration(String text) {
        String value = text.trim().replaceAll("^'|'$", "").toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException(value);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a duration: use e.g. 0, 30s, 5m, 2h or 1d");
        }
    }
}
