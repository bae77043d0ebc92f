package io.nasql.shell.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk write's WHERE selects among the inventory's jobs; it cannot add targets of its own. */
class BulkTargetsTest {
    @TempDir
    Path home;

    @Test
    void aWhereCannotAddRowsOfItsOwn() {
        InventoryAccess inventory = new InventoryAccess(Cli.memoryDb(), home);
        try {
            BulkTargets bulk = new BulkTargets(inventory, Confirmer.NOBODY, new PrintWriter(new StringWriter()));
            Statement statement = new Statement("", "t", 1, 1);
            assertThat(bulk.find("TRUE", statement)).isEmpty();
            assertThatThrownBy(() -> bulk.find("TRUE UNION ALL SELECT 'p', 'l', 'n', 'd', 's'", statement))
                    .isInstanceOf(StatementException.class);
        } finally {
            inventory.close();
        }
    }
}
