package io.nasql.shell.repl;

import io.nasql.shell.statement.AfterResults;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement's results in the REPL. Holds at most a screenful: once the results outgrow it,
 * the pager starts and everything streams into it (or onto the screen when there is no pager),
 * so memory stays bounded whatever the result's size. Quitting the pager stops the statement.
 */
final class PagedOutput extends Writer implements AfterResults {
    private final Writer screen;
    private final Writer notices;
    private final List<String> after = new ArrayList<>();
    private final int screenLines;
    private final Pager pager;
    private final Runnable onPagerQuit;
    private final StringBuilder buffer = new StringBuilder();
    private int lines;
    private boolean direct;
    private Process process;
    private Writer toPager;
    private volatile boolean pagerQuit;

    /**
     * @param screenLines the lines that fit before paging; 0 or less streams straight to the screen
     * @param pager       the pager, or null when results are never paged
     * @param onPagerQuit what stops the statement when the user quits the pager
     */
    PagedOutput(Writer screen, int screenLines, Pager pager, Runnable onPagerQuit) {
        this(screen, screenLines, pager, onPagerQuit, screen);
    }

    /** @param notices where the lines to show after the results go: the terminal, when the results go to a pipe or file */
    PagedOutput(Writer screen, int screenLines, Pager pager, Runnable onPagerQuit, Writer notices) {
        this.screen = screen;
        this.notices = notices;
        this.screenLines = screenLines;
        this.pager = pager;
        this.onPagerQuit = onPagerQuit;
        this.direct = pager == null || screenLines <= 0;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (pagerQuit) {
            throw new IOException("the pager was closed");
        }
        if (toPager != null) {
            toPager(() -> toPager.write(chars, offset, length));
        } else if (direct) {
            screen.write(chars, offset, length);
        } else {
            buffer.append(chars, offset, length);
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    lines++;
                }
            }
            if (lines >= screenLines - 1) {
                overflow();
            }
        }
    }

    /** The results no longer fit: start the pager with what is held, or print it and stream on. */
    private void overflow() throws IOException {
        process = pager.start();
        String held = buffer.toString();
        buffer.setLength(0);
        buffer.trimToSize();
        if (process == null) {
            direct = true;
            screen.write(held);
            return;
        }
        screen.flush();
        toPager = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        toPager(() -> toPager.write(held));
    }

    @FunctionalInterface
    private interface PipeWrite {
        void run() throws IOException;
    }

    private void toPager(PipeWrite write) throws IOException {
        try {
            write.run();
        } catch (IOException e) {
            pagerQuit = true;
            onPagerQuit.run();
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        if (toPager != null && !pagerQuit) {
            toPager(toPager::flush);
        } else if (direct) {
            screen.flush();
        }
    }

    /** Shown by {@link #finish()}, below the results and once the pager is gone. */
    @Override
    public void afterResults(String line) {
        after.add(line);
    }

    /** True when the user quit the pager before the results ended: not an error. */
    boolean pagerQuit() {
        return pagerQuit;
    }

    /** Shows what is still held, or lets the pager finish, and waits for the user to quit it. */
    void finish() throws InterruptedException {
        try {
            if (process != null) {
                try {
                    toPager.close();
                } catch (IOException e) {
                    // the user quit the pager before reading everything
                }
                process.waitFor();
            } else {
                screen.write(buffer.toString());
                buffer.setLength(0);
                screen.flush();
            }
        } catch (IOException e) {
            // the screen is the terminal's writer: nothing to tell
        }
        try {
            for (String line : after) {
                notices.write(line + System.lineSeparator());
            }
            notices.flush();
        } catch (IOException e) {
            // the terminal's writer: nothing to tell
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
