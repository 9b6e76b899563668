package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.suite.TestSuite;
import dev.ants.pipeline.suite.Suite;
import dev.ants.pipeline.suite.SuiteCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every suite ants ships loads on every built-in model, beside a kernel and after an image, before anything boots. */
class BuiltInSuitesTest {
    @TempDir
    Path tmp;

    /** The suite as ants test reads it, its host files (fileserver:) written under tmp. */
    private dev.ants.harness.suite.SuiteSource source(Suite s, int suiteUnit) {
        try {
            return RunSuitesStep.source(s, s.source(tmp), suiteUnit, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    @Test
    void everySuiteLoadsForEveryModelAndBothGuestKinds() {
        List<Suite> suites = SuiteCatalog.builtIn().select(List.of("all"));
        assertTrue(suites.size() >= 3, "boot, nswrite and ns-race at least");
        for (HardwareModel m : ModelCatalog.builtIn().all()) {
            Map<String, String> vars = new LinkedHashMap<>(m.vars());
            vars.put("arch", "amd64");
            vars.put("profile", "default");
            // what an image's manifest adds (ImageHints)
            Map<String, String> image = new LinkedHashMap<>(vars);
            image.put("disk", m.disk9());
            image.put("nineFat", "/dev/" + m.disk9() + "/9fat");
            for (Suite s : suites) {
                for (int suiteUnit : new int[] {0, 1}) {
                    if (s.name().equals("image") && suiteUnit == 0) {
                        // beside a kernel there is no image: refused, naming what is missing
                        AntsException e = assertThrows(AntsException.class, () -> source(s, 0).load(vars));
                        assertTrue(e.getMessage().contains("${disk}"), e.getMessage());
                        continue;
                    }
                    TestSuite t = source(s, suiteUnit).load(suiteUnit == 1 ? image : vars);
                    assertEquals(s.name(), t.name());
                    assertFalse(t.cases().isEmpty(), s.name() + " has cases");
                }
            }
        }
    }

    @Test
    void withoutNamesTheIndexsDefaultsRunAndAllMeansEverySuite() {
        SuiteCatalog c = SuiteCatalog.builtIn();
        assertEquals(List.of("boot", "nswrite", "ns-fuzz", "stock"), c.select(List.of()).stream().map(Suite::name).toList());
        assertEquals(c.names(), c.select(List.of("all")).stream().map(Suite::name).toList());
        assertTrue(c.names().contains("ns-race"), c.names().toString());
    }

    @Test
    void theProfileScalesTheFuzzAndTheRaces() {
        SuiteCatalog c = SuiteCatalog.builtIn();
        for (String[] p : new String[][] {{"quick", "500", "1"}, {"default", "5000", "1"}, {"nightly", "100000", "10"}}) {
            Map<String, String> vars = new LinkedHashMap<>(ModelCatalog.builtIn().get("q35-smp4").vars());
            vars.put("arch", "amd64");
            vars.put("profile", p[0]);
            String fuzz = source(c.select(List.of("ns-fuzz")).get(0), 0).load(vars).cases().toString();
            assertTrue(fuzz.contains("nsfuzz.rc " + p[1] + " time"), p[0] + ": " + fuzz);
            String race = source(c.select(List.of("ns-race")).get(0), 0).load(vars).cases().toString();
            assertTrue(race.contains("nsrace.rc " + p[2] + " "), p[0] + ": " + race);
        }
    }

    @Test
    void theSuiteDiskIsNamedAfterTheModelsDiskWithItsUnit() {
        Suite nswrite = SuiteCatalog.builtIn().select(List.of("nswrite")).get(0);
        Map<String, String> vars = new LinkedHashMap<>(ModelCatalog.builtIn().get("q35-ahci").vars());
        vars.put("arch", "amd64");
        vars.put("profile", "default");
        TestSuite t = source(nswrite, 1).load(vars);
        String steps = t.boot().steps().toString();
        assertTrue(steps.contains("/dev/sdE1/data"), "after an image the suites are on the second disk: " + steps);
    }

    @Test
    void plan9rcsDiskCasesAreForPcScsiAndNameTheirBlankDisksAfterTheSuiteDisk() throws IOException {
        Suite plan9rc = SuiteCatalog.builtIn().select(List.of("plan9rc")).get(0);
        Map<String, String> vars = new LinkedHashMap<>(ModelCatalog.builtIn().get("pc-scsi").vars());
        vars.put("arch", "amd64");
        TestSuite t = source(plan9rc, 0).load(vars);
        assertEquals(List.of("rootless", "ask", "diskroot", "stock", "rerootwin", "nstools", "netroot"),
                t.cases().stream().map(c -> c.name()).toList());
        Path served = t.cases().get(6).fresh().fileServer();
        assertEquals(tmp.resolve("plan9rc/netroot"), served, "the network root is written out beside the report");
        assertEquals("netroot\n", Files.readString(served.resolve("lib/rootname")));
        Files.writeString(served.resolve("stale"), "from an earlier run");
        plan9rc.source(tmp);
        assertFalse(Files.exists(served.resolve("stale")), "a reused report directory serves only the suite's files");
        assertTrue(Files.exists(served.resolve("lib/rootname")));
        var disk = t.cases().get(2);
        assertEquals(2, disk.disks());
        assertEquals(List.of("pc-scsi"), disk.models());
        assertTrue(disk.plan9ini().contains("bootargs=local!/dev/sd01/data"), "the first blank disk is unit 1: " + disk.plan9ini());
        assertTrue(t.cases().stream().allMatch(c -> c.bootsFresh() || c.name().equals("stock")),
                "every case but stock brings plan9.ini lines of its own");
        assertTrue(t.cases().get(3).runsOn("q35-ahci") && !disk.runsOn("pc-virtio"));
    }
}
