package io.nasql.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results hold at most a screenful; past it they stream into the pager, and quitting the pager stops the statement. */
class PagedOutputTest {
    @TempDir
    Path folder;

    @Test
    void aShortResultIsShownOnTheScreenWithoutAPager() throws Exception {
        StringWriter screen = new StringWriter();
        PagedOutput out = new PagedOutput(screen, 24, new Pager("exit 1"), () -> { });
        out.write("one\ntwo\n");
        out.flush();
        assertThat(screen.toString()).as("held until the statement ends").isEmpty();
        out.finish();
        assertThat(screen.toString()).isEqualTo("one\ntwo\n");
    }

    @Test
    void aTallResultStreamsIntoThePagerAsItComes() throws Exception {
        Path paged = folder.resolve("paged");
        StringWriter screen = new StringWriter();
        PagedOutput out = new PagedOutput(screen, 24, new Pager("cat > '" + paged + "'"), () -> { });
        for (int i = 1; i <= 100_000; i++) {
            out.write("row " + i + "\n");
        }
        out.flush();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((!Files.exists(paged) || Files.size(paged) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Files.size(paged)).as("rows reach the pager before the result ends").isPositive();
        out.finish();
        assertThat(screen.toString()).isEmpty();
        assertThat(Files.readAllLines(paged)).hasSize(100_000).endsWith("row 100000");
    }

    @Test
    void quittingThePagerStopsTheStatement() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        PagedOutput out = new PagedOutput(new StringWriter(), 24, new Pager("head -n 5 > /dev/null"), () -> stopped.set(true));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10_000_000; i++) {
                out.write("a long line that fills the pipe to the pager quickly, row " + i + "\n");
            }
        }).isInstanceOf(IOException.class);
        assertThat(stopped).isTrue();
        assertThat(out.pagerQuit()).isTrue();
        out.finish();
    }

    @Test
    void withoutAPagerRowsStreamStraightToTheScreen() throws Exception {
        StringWriter screen = new StringWriter();
        PagedOutput out = new PagedOutput(screen, 24, null, () -> { });
        out.write("x\n");
        assertThat(screen.toString()).isEqualTo("x\n");
        out.finish();
    }

    @Test
    void aNoticeAboutTheResultsIsShownBelowThemAndAfterThePager() throws Exception {
        StringWriter screen = new StringWriter();
        PagedOutput held = new PagedOutput(screen, 24, new Pager("exit 1"), () -> { });
        held.write("+---+\n| 1 |\n");
        held.afterResults("report failed-jobs: 1 of 2 jobs shown");
        held.finish();
        assertThat(screen.toString()).isEqualTo("+---+\n| 1 |\nreport failed-jobs: 1 of 2 jobs shown" + System.lineSeparator());

        Path paged = folder.resolve("paged-with-notice");
        StringWriter terminal = new StringWriter();
        PagedOutput tall = new PagedOutput(terminal, 24, new Pager("cat > '" + paged + "'"), () -> { });
        for (int i = 1; i <= 100; i++) {
            tall.write("row " + i + "\n");
        }
        tall.afterResults("a notice");
        tall.finish();
        assertThat(Files.readAllLines(paged)).as("not inside the pager").hasSize(100).doesNotContain("a notice");
        assertThat(terminal.toString()).isEqualTo("a notice" + System.lineSeparator());

        // Results into a file or pipe: the notice goes to the terminal, not among them.
        StringWriter file = new StringWriter();
        StringWriter console = new StringWriter();
        PagedOutput piped = new PagedOutput(file, 0, null, () -> { }, console);
        piped.write("a,b\n");
        piped.afterResults("a notice");
        piped.finish();
        assertThat(file.toString()).isEqualTo("a,b\n");
        assertThat(console.toString()).isEqualTo("a notice" + System.lineSeparator());
    }
}
