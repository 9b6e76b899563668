package dev.ants.harness.matrix;

import dev.ants.core.progress.Progress;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.Snapshot;
import dev.ants.harness.TestPlan;
import dev.ants.harness.fileserver.RootFileServer;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.QemuCommand;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.target.Capability;
import dev.ants.harness.target.MissingCapability;

import java.io.IOException;
import java.io.RandomAccessFile;
import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;
import dev.ants.harness.suite.TestCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A QEMU hardware model as a test bed: boots through the {@link Harness}, runs under {@code runs/MODEL}. */
final class QemuBed implements TestBed {
    private final Harness harness;
    private final HardwareModel model;
    private final TestPlan plan;
    private final Path runs;

    QemuBed(Harness harness, HardwareModel model, TestPlan plan) {
        this.harness = harness;
        this.model = model;
        this.plan = plan;
        this.runs = plan.reportDir().resolve("runs").resolve(model.name());
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String describe() {
        return model.name() + (plan.guest().kernel() == null ? " booting a disk image" : "");
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> c = EnumSet.of(Capability.DEVICE_DEL, Capability.BLANK_DISKS, Capability.FILE_SERVER);
        if (QemuCommand.snapshots(model, plan.guest())) c.add(Capability.SNAPSHOT);
        if (plan.guest().kernel() != null) c.add(Capability.PLAN9INI); // a disk image's plan9.ini is inside the image
        return c;
    }

    private BootRequest request(Scenario s, Progress parent) {
        return new BootRequest(model, plan.guest()).scenario(s).accel(plan.accel()).timeoutScale(plan.timeoutScale())
                .keep(plan.keep()).runParent(runs).progress(parent);
    }

    @Override
    public RunResult run(Scenario s, TestCase.Fresh fresh, Progress parent) {
        BootRequest r = request(s, parent);
        Guest g = fresh.plan9ini().isEmpty() ? plan.guest() : withLines(fresh.plan9ini(), s.name());
        List<Path> blanks = new ArrayList<>();
        RootFileServer server = null;
        try {
            if (fresh.fileServer() != null) {
                server = RootFileServer.serve(fresh.fileServer());
                r.guestForward(server.guestForward());
            }
            for (int i = 0; i < fresh.disks(); i++) {
                Path d = runs.resolve(fileName(s.name()) + ".disk" + i + ".img");
                blanks.add(d);
                blank(d);
                g = g.withExtraDisk(d, false);
            }
            return harness.boot(r.guest(g));
        } finally {
            // the disks are the case's scratch: kept with the run only when asked
            if (!plan.keep()) blanks.forEach(FileTrees::deleteQuietly);
            if (server != null) server.close();
        }
    }

    private void blank(Path d) {
        try {
            Files.createDirectories(runs);
            Files.deleteIfExists(d);
            try (RandomAccessFile f = new RandomAccessFile(d.toFile(), "rw")) {
                f.setLength(TestCase.DISK_BYTES); // sparse: a blank disk costs no space until written
            }
        } catch (IOException e) {
            throw AntsException.environment("cannot make a blank disk " + d + ": " + e.getMessage(), "check the space in " + runs);
        }
    }

    private static String fileName(String caseName) {
        return caseName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public Harness.SnapshotResult prepare(Scenario boot, Path dir, Progress parent) {
        return harness.prepareSnapshot(request(boot, parent), dir, "ants-ready");
    }

    @Override
    public RunResult resume(Snapshot snapshot, Scenario s, Progress parent) {
        return harness.boot(request(s, parent).resumeFrom(snapshot));
    }

    /** The guest's plan9.ini plus {@code lines}, as a file of this case's own. */
    Guest withLines(List<String> lines, String caseName) {
        Guest g = plan.guest();
        if (g.kernel() == null) throw new MissingCapability(Capability.PLAN9INI, "a disk image guest");
        try {
            List<String> all = new ArrayList<>();
            if (g.plan9ini() != null) all.addAll(Files.readAllLines(g.plan9ini(), StandardCharsets.UTF_8));
            all.addAll(lines);
            Path f = Files.createDirectories(runs).resolve(fileName(caseName) + ".plan9.ini");
            Files.write(f, all, StandardCharsets.UTF_8);
            return g.withPlan9ini(f);
        } catch (IOException e) {
            throw AntsException.environment("cannot write the plan9.ini of " + caseName + ": " + e.getMessage(), "check the space in " + runs);
        }
    }
}
