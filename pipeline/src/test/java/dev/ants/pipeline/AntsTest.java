package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import dev.ants.harness.qemu.Guest;
import dev.ants.hostbuild.Arch;
import dev.ants.image.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The library API's contract without a 9front tree: configuration, validation before work, progress. */
class AntsTest {
    @TempDir
    Path tmp;

    /** The files NineFrontTree checks, empty: enough for validation, nothing from 9front. */
    private Path fakeTree() throws Exception {
        Path root = tmp.resolve("tree");
        for (String f : new String[] {"sys/src/9/port/chan.c", "sys/src/9/port/devproc.c", "sys/src/9/pc64/pc64", "sys/include/libc.h"}) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "");
        }
        for (String d : new String[] {"sys/src/cmd/mk", "sys/src/cmd/rc", "rc/bin"}) Files.createDirectories(root.resolve(d));
        return root;
    }

    @Test
    void withoutATreeEveryBuildingOperationIsBadInputSayingHowToGetOne() {
        Ants ants = Ants.builder().build();
        AntsException e = assertThrows(AntsException.class, () -> ants.kernel(tmp.resolve("k")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.hint().contains("git clone"), e.hint());
        assertFalse(Files.exists(tmp.resolve("k")));
    }

    @Test
    void aBadImageRequestFailsBeforeAnyBuildAndWritesNothing() throws Exception {
        List<String> started = new ArrayList<>();
        ProgressSink record = new ProgressSink() {
            @Override public void started(Progress p) { started.add(p.path()); }
            @Override public void advanced(Progress p) { }
            @Override public void note(Progress p, String message) { }
            @Override public void finished(Progress p) { }
        };
        Ants ants = Ants.builder().tree(fakeTree()).progress(Progress.root(record, "ants image")).build();
        Path img = tmp.resolve("out/a.img");
        for (ImageRequest bad : List.of(
                new ImageRequest(img, ImageFormat.RAW, 1 << 20, dev.ants.image.RootFs.NONE, List.of()),
                new ImageRequest(img, ImageFormat.RAW, 2L << 30, dev.ants.image.RootFs.NONE, List.of("bootfile=x")),
                new ImageRequest(tmp.resolve("tree/a.img"), ImageFormat.RAW, 2L << 30, dev.ants.image.RootFs.NONE, List.of()))) {
            AntsException e = assertThrows(AntsException.class, () -> ants.image(bad));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        }
        assertEquals(List.of("image a.img", "image a.img", "image a.img"), started, "no kernel build started");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void scenarioVariablesNameTheModelsDevicesAndTheArch() throws Exception {
        Ants ants = Ants.builder().arch(Arch.I386).build();
        Map<String, String> v = ants.scenarioVars(ants.models().get("q35-ahci"), Guest.kernel(tmp, null, null));
        assertEquals("sdE0", v.get("disk9"));
        assertEquals("ether82563", v.get("nic9"));
        assertEquals("386", v.get("arch"));
        assertEquals("2", v.get("cpus"));
    }
}
