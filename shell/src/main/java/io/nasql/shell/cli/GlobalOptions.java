package io.nasql.shell.cli;

import io.nasql.shell.error.ErrorReporter;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.Settings;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The parsed global options, fixed once picocli has read them. The configuration they mean is
 * a function of them, the settings file and the demo (when there is one), never of the moment
 * it is asked for.
 */
record GlobalOptions(String db, Path configFile, boolean demo, String endpoint, boolean plaintext, Path credentials,
                     List<String> projects, List<String> locations, String output, boolean csvCrlf, List<String> execute, List<String> files,
                     List<String> vars, List<Path> varFiles, Path manifest, boolean yes, boolean dryRun, boolean ignoreErrors,
                     boolean debug, ScopeOptions scope) {

    /** The settings file: --config, or ~/.nasql/config.yaml when it exists. */
    ConfigFile settingsFile(Io io) {
        return configFile != null ? ConfigFile.load(configFile, true)
                : ConfigFile.load(io.home().resolve(".nasql").resolve("config.yaml"), false);
    }

    /** Flags over the settings file over defaults; the demo's emulator and inventory over all. */
    SessionConfig sessionConfig(Io io, ConfigFile file, Demo demoEnvironment, Integer concurrencyFlag) {
        int concurrency = concurrencyFlag != null ? concurrencyFlag
                : file.concurrency() != null ? file.concurrency() : SyncOptions.DEFAULT_CONCURRENCY;
        SyncOptions sync = SyncOptions.defaults().withConcurrency(concurrency);
        if (demoEnvironment != null) {
            return new SessionConfig(null, demoEnvironment.folder(), ApiTarget.emulator(demoEnvironment.endpoint()),
                    projects.isEmpty() ? Demo.PROJECTS : projects, locations.isEmpty() ? Demo.LOCATIONS : locations, sync, yes);
        }
        ApiTarget api = new ApiTarget(endpoint != null ? endpoint : file.endpoint(),
                plaintext || Boolean.TRUE.equals(file.plaintext()), credentials != null ? credentials : file.credentials());
        return new SessionConfig(db != null ? db : file.db(), io.home().resolve(".nasql"), api,
                projects.isEmpty() ? file.projects() : projects, locations.isEmpty() ? file.locations() : locations, sync, yes,
                scope.over(file.scope()), file.dbPassword());
    }

    /** One warning line when other users can read the folder, the inventory or the settings; none for the demo's throwaway files. */
    void warnAboutPermissions(Io io, ConfigFile file, Demo demoEnvironment) {
        if (demoEnvironment == null) {
            PermissionWarning.of(io.home().resolve(".nasql"), file.path(), db).ifPresent(io.notices()::println);
        }
    }

    /** The session's settings: -o, --csv-crlf and max_age from the flags or the settings file, then defaults. */
    Settings settings(ConfigFile file, Io io) {
        Settings settings = new Settings();
        settings.set(Setting.CSV_CRLF, csvCrlf);
        settings.set(Setting.COLOR, io.colorOnStdout());
        String format = output != null ? output : file.output();
        if (format != null) {
            settings.set(Setting.OUTPUT, OutputFormat.parse(format));
        }
        if (file.maxAge() != null) {
            settings.set(Setting.MAX_AGE, Setting.MAX_AGE.parseValue(file.maxAge()));
        }
        return settings;
    }

    ErrorReporter errors(Io io) {
        return new ErrorReporter(io.notices(), debug, false);
    }
}
