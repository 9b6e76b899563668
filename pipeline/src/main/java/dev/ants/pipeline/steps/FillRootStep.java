package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.image.RootFs;
import dev.ants.image.steps.WriteFillDiskStep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fills the root of a written disk in one guest pass under TCG: the image's own kernel boots on pc-ide
 * (so the disk is sdC0, the name the image's plan9.ini uses) with the disk written in place and the
 * fill disk beside it, and runs {@code fill-root.yaml}. The bar follows the guest's own count of
 * unpacked files; a failure carries the transcript's last lines and where the whole one was kept.
 */
public final class FillRootStep implements Step<Void> {
    static final String MODEL = "pc-ide";
    private final Harness harness;
    private final HardwareModel model;
    private final Path kernel;
    private final Path disk;
    private final Path fillDisk;
    private final WriteFillDiskStep.Result fill;
    private final RootFs fs;
    private final Path workDir;

    public FillRootStep(Harness harness, HardwareModel model, Path kernel, Path disk, Path fillDisk,
                        WriteFillDiskStep.Result fill, RootFs fs, Path workDir) {
        this.harness = harness;
        this.model = model;
        this.kernel = kernel;
        this.disk = disk;
        this.fillDisk = fillDisk;
        this.fill = fill;
        this.fs = fs;
        this.workDir = workDir;
    }

    @Override
    public String description() {
        return "unpack " + fill.archive().files() + " files";
    }

    @Override
    public Void run(Progress progress) throws Exception {
        Path ini = Files.writeString(workDir.resolve("fill-plan9.ini"), "console=0\n*acpi=0\n");
        Guest guest = Guest.kernel(kernel, null, null).withPlan9ini(ini).withDisk(disk).writingThrough()
                .withExtraDisk(fillDisk, false); // IDE has no read-only disks; the fill disk is ours and thrown away
        String unit = model.disk9().substring(0, model.disk9().length() - 1);
        Scenario s = ScenarioLoader.parse(scenarioText(), "fill-root.yaml", null, Map.of(
                "disk", model.disk9(), "fill", unit + "1", "fs", fs.id(),
                "archiveLba", Long.toString(WriteFillDiskStep.ARCHIVE_LBA), "endLba", Long.toString(fill.endLba())));
        progress.total(fill.archive().files());
        RunResult r = harness.boot(new BootRequest(model, guest).accel(Accel.TCG).scenario(s).label("fill-root")
                .runParent(workDir.resolve("runs")).vga(false).network(false)
                .consoleMirror(new FillProgress(progress)));
        if (!r.passed()) {
            List<String> last = r.lastConsoleLines() == null ? List.of() : r.lastConsoleLines();
            String transcript = r.artifacts() == null ? null : r.artifacts().get("transcript");
            Path kept = transcript == null ? null : keep(Path.of(transcript));
            throw new AntsException(r.exitCode() == ExitCode.INTERRUPTED.code ? ExitCode.INTERRUPTED : ExitCode.ENVIRONMENT,
                    "filling the " + fs.id() + " root in the guest failed: " + r.summary() + "\n  last console lines:\n    "
                            + String.join("\n    ", last),
                    kept != null ? "the whole guest transcript is in " + kept : "rerun with --progress plain to see the guest");
        }
        return null;
    }

    /** The run directory lives in the work dir, which goes: the transcript moves next to the output. */
    private Path keep(Path transcript) {
        try {
            // a name of its own: two fills of one process (library users, parallel tests) keep both
            Path to = Files.createTempFile("ants-fill-", ".log");
            Files.copy(transcript, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            return null;
        }
    }

    static String scenarioText() throws IOException {
        try (InputStream in = FillRootStep.class.getResourceAsStream("/dev/ants/pipeline/fill-root.yaml")) {
            if (in == null) throw new IllegalStateException("fill-root.yaml is missing from the ants jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Reads the guest's console for "ants-fill N" lines and moves the bar to N files. */
    static final class FillProgress extends OutputStream {
        private final Progress progress;
        private final StringBuilder line = new StringBuilder();

        FillProgress(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void write(int b) {
            if (b == '\n' || b == '\r') {
                String l = line.toString().trim();
                line.setLength(0);
                if (l.startsWith("ants-fill ")) {
                    try {
                        progress.advance(Long.parseLong(l.substring(10).trim()), null);
                    } catch (NumberFormatException ignored) {
                        // a line that only starts alike
                    }
                }
            } else if (line.length() < 200) {
                line.append((char) b);
            }
        }
    }
}
