package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.progress.Progress;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.scenario.Step;
import dev.ants.image.RootFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The fill's scenario, its progress from the guest's lines, and the file-server check on trees. */
class FillRootStepTest {
    @TempDir
    Path tmp;

    @Test
    void theScenarioNamesTheDisksAndEveryLineFitsTheConsole() throws Exception {
        Scenario s = ScenarioLoader.parse(FillRootStep.scenarioText(), "fill-root.yaml", null, Map.of("disk", "sdC0",
                "fill", "sdC1", "fs", "hjfs", "archiveLba", "16384", "endLba", "999999"));
        List<String> typed = new ArrayList<>();
        for (Step st : s.steps()) {
            if (st instanceof Step.Send x) typed.add(x.text());
            if (st instanceof Step.Run x) typed.add(x.command());
        }
        assertTrue(typed.contains("rc /n/tools/fill.rc hjfs /dev/sdC0 /dev/sdC1/arch\n"), typed.toString());
        assertTrue(typed.stream().anyMatch(t -> t.contains("part arch 16384 999999 >/dev/sdC1/ctl")), typed.toString());
        for (String t : typed) assertTrue(t.length() < 256, "9front drops console lines of 256 characters: " + t);
    }

    @Test
    void theBarFollowsTheGuestsCount() throws Exception {
        List<Long> seen = new ArrayList<>();
        Progress p = Progress.root(new dev.ants.core.progress.ProgressSink() {
            @Override public void started(Progress x) { }
            @Override public void advanced(Progress x) { seen.add(x.done()); }
            @Override public void note(Progress x, String m) { }
            @Override public void finished(Progress x) { }
        }, "test");
        try (FillRootStep.FillProgress f = new FillRootStep.FillProgress(p)) {
            f.write("x /amd64/bin/cat 100 bytes\r\nants-fill 100\r\nants-fill 200\nants-fill-start\nants-fill 3x\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(List.of(100L, 200L), seen);
    }

    @Test
    void aTreeWithoutTheFileServerIsBadInputNamingIt() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree/sys/src/9/boot"));
        Files.writeString(tree.resolve("disk.proto"), "$objtype\n\tbin\n\t\thjfs\n");
        Path root = tmp.resolve("tree");
        Files.createDirectories(root.resolve("sys/src/cmd/hjfs"));
        AssembleImageStep.requireFileServer(root, RootFs.HJFS);
        AntsException e = assertThrows(AntsException.class, () -> AssembleImageStep.requireFileServer(root, RootFs.GEFS));
        assertEquals(2, e.exitCode().code);
        assertTrue(e.getMessage().contains("has no gefs") && e.getMessage().contains("sys/src/cmd/gefs"), e.getMessage());
        Files.createDirectories(root.resolve("sys/src/cmd/cwfs"));
        e = assertThrows(AntsException.class, () -> AssembleImageStep.requireFileServer(root, RootFs.CWFS));
        assertTrue(e.getMessage().contains("boot file system"), e.getMessage());
    }
}
