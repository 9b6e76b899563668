package dev.ants.harness.selftest;

import dev.ants.harness.BootRequest;
import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import dev.ants.harness.Harness;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.Snapshot;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.QemuCommand;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.ScenarioLoader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point for bench/harness.sh (not a user command):
 * <pre>
 *   guest DIR                       build the Linux test guest; print kernel, initrd, append (one per line)
 *   argv KERNEL INITRD APPEND       print the QEMU argv the harness would run (dry run)
 *   boot KERNEL INITRD APPEND MARKER [prepare SNAPDIR | resume SNAPDIR]
 *                                   boot (or resume) on pc-virtio under TCG until MARKER; print timings as JSON
 * </pre>
 */
public final class SelfTestMain {
    private SelfTestMain() {
    }

    public static void main(String[] a) throws Exception {
        long mainNanos = System.nanoTime();
        double jvmToMainMs = ManagementFactory.getRuntimeMXBean().getUptime();
        switch (a[0]) {
            case "guest" -> {
                Path dir = Files.createDirectories(Path.of(a[1]));
                Guest g = LinuxTestGuest.build(LinuxTestGuest.findHost(), dir, null);
                System.out.println(g.kernel() + "\n" + g.initrd() + "\n" + g.append());
            }
            case "argv" -> System.out.println(QemuCommand.shellLine(new Harness().dryRun(request(a, null))));
            case "boot" -> {
                String mode = a.length > 5 ? a[5] : "boot";
                Path snapDir = a.length > 6 ? Path.of(a[6]) : null;
                HarnessOptions o = new HarnessOptions();
                long[] firstStepDone = {0};
                o.progress = Progress.root(new ProgressSink() { // the moment the first step (the marker) passed
                    @Override public void started(Progress p) { }
                    @Override public void advanced(Progress p) { if (firstStepDone[0] == 0) firstStepDone[0] = System.nanoTime(); }
                    @Override public void note(Progress p, String message) { }
                    @Override public void finished(Progress p) { }
                }, "bench");
                Harness h = new Harness(o);
                long t0 = System.nanoTime();
                RunResult r;
                if (mode.equals("prepare")) {
                    r = h.prepareSnapshot(request(a, "steps:\n  - expect: '" + a[4] + "'\n  - expect: 'ants# $'\n"), snapDir, "bench").run();
                } else if (mode.equals("resume")) {
                    Snapshot s = new Snapshot(snapDir, "bench", "pc-virtio", List.of("vmstate.qcow2"));
                    r = h.boot(request(a, "steps:\n  - run: 'echo resumed'\n    output: '^resumed$'\n").resumeFrom(s));
                } else {
                    r = h.boot(request(a, "steps:\n  - expect: '" + a[4] + "'\n"));
                }
                double harnessMs = (System.nanoTime() - t0) / 1e6;
                double toMarkerMs = (firstStepDone[0] - t0) / 1e6;
                long markerEpochMs = System.currentTimeMillis() - (System.nanoTime() - firstStepDone[0]) / 1_000_000;
                System.out.printf("{\"mode\":\"%s\",\"exit\":%d,\"jvmToMainMs\":%.0f,\"toMarkerMs\":%.0f,\"harnessMs\":%.0f,\"mainToEndMs\":%.0f,\"firstOutputS\":%.3f,\"markerEpochMs\":%d}%n",
                        mode, r.exitCode(), jvmToMainMs, toMarkerMs, harnessMs, (System.nanoTime() - mainNanos) / 1e6, r.bootSeconds(), markerEpochMs);
                if (r.exitCode() != 0) System.err.println(r.summary());
                System.exit(r.exitCode());
            }
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        }
    }

    private static BootRequest request(String[] a, String scenarioYaml) {
        BootRequest b = new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), Guest.kernel(Path.of(a[1]), Path.of(a[2]), a[3]))
                .accel(Accel.TCG).vga(false);
        if (scenarioYaml != null) b.scenario(ScenarioLoader.parse(scenarioYaml, "bench", Path.of("."), Map.of()));
        return b;
    }
}
