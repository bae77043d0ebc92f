package io.nasql.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SQL examples of the resource's reference page, exactly as the page writes them. */
public final class ReferencePage {
    private static final Path PAGE = Path.of("..", "docs", "stackql-nas_jobs.md");

    private ReferencePage() {
    }

    public static String select() {
        return block("```sql\nSELECT");
    }

    public static String insert() {
        return block("```sql\n/*+ create */");
    }

    public static String delete() {
        return block("```sql\n/*+ delete */");
    }

    private static String block(String opening) {
        try {
            String page = Files.readString(PAGE);
            int start = page.indexOf(opening);
            if (start < 0) {
                throw new IllegalStateException("the reference page has no block starting " + opening);
            }
            start += "```sql\n".length();
            return page.substring(start, page.indexOf("```", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
