package io.nasql.shell.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * The reports there are: {@code .sql} files in the user's folder ({@code ~/.nasql/reports}), in
 * {@code scripts/reports} of the nasql checkout, and those bundled in the jar; the first of a name wins.
 */
public final class ReportCatalog {
    private static final String BUNDLED = "nasql/reports/";

    private final Map<String, Report> reports;

    private ReportCatalog(Map<String, Report> reports) {
        this.reports = reports;
    }

    /** The reports of the folders, in order, then the bundled ones. */
    public static ReportCatalog load(List<Path> folders) {
        Map<String, Report> reports = new TreeMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                    String name = nameOf(file.getFileName().toString());
                    reports.putIfAbsent(name, Report.parse(name, Files.readString(file), file.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String file : bundledFiles()) {
            String name = nameOf(file);
            reports.computeIfAbsent(name, n -> Report.parse(n, readBundled(file), "built-in " + file));
        }
        return new ReportCatalog(reports);
    }

    public List<Report> all() {
        return new ArrayList<>(reports.values());
    }

    public Report find(String name) {
        Report report = reports.get(name);
        if (report == null) {
            throw new IllegalArgumentException("no report named '" + name + "': `nasql report --list` shows them");
        }
        return report;
    }

    private static String nameOf(String file) {
        return file.substring(0, file.length() - ".sql".length());
    }

    /** The report files bundled in the jar (or the classes folder, when run from a build). */
    private static List<String> bundledFiles() {
        URL url = ReportCatalog.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                Enumeration<JarEntry> entries = ((JarURLConnection) url.openConnection()).getJarFile().entries();
                for (JarEntry entry : Collections.list(entries)) {
                    String n = entry.getName();
                    if (n.startsWith(BUNDLED) && n.endsWith(".sql")) {
                        files.add(n.substring(BUNDLED.length()));
                    }
                }
            } else {
                try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                    list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(files::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            return List.of();
        }
        Collections.sort(files);
        return files;
    }

    private static String readBundled(String file) {
        try (InputStream in = ReportCatalog.class.getClassLoader().getResourceAsStream(BUNDLED + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
