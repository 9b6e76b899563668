package dev.ants.it;

import dev.ants.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rootless boot (issue 8) as a user runs it: {@code ants test --suite plan9rc} builds the ANTS
 * kernel from ANTS_9FRONT_TREE and boots every case of suites/plan9rc fresh, with the case's plan9.ini
 * lines, blank disks and file server, on pc-scsi (the model the disk cases are for).
 */
class Plan9rcBootTest {
    static final List<String> CASES = List.of("rootless", "ask", "diskroot", "stock", "rerootwin", "nstools", "netroot");

    @TempDir
    Path tmp;

    @Test
    void everyPlan9rcCasePassesOnPcScsi() throws Exception {
        Path tree = AntsSuitesTest.tree();
        Path report = tmp.resolve("report");
        int code = Main.run("test", "--tree", tree.toString(), "--suite", "plan9rc", "--models", "pc-scsi",
                "--report", report.toString(), "--quiet");
        String junit = Files.readString(report.resolve("TEST-pc-scsi.xml"));
        assertEquals(0, code, junit);
        assertTrue(junit.contains("failures=\"0\"") && junit.contains("errors=\"0\"") && junit.contains("skipped=\"0\""), junit);
        for (String c : CASES) assertTrue(junit.contains("name=\"plan9rc." + c + "\""), "case " + c + " ran: " + junit);
    }
}
