package dev.ants.image.steps;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** raw → qcow2 with qemu-img (into a temporary file the caller renames). */
public final class ConvertQcow2Step implements Step<Path> {
    private final Path raw;
    private final Path qcow2;

    public ConvertQcow2Step(Path raw, Path qcow2) {
        this.raw = raw;
        this.qcow2 = qcow2;
    }

    @Override
    public String description() {
        return "convert to qcow2";
    }

    @Override
    public Path run(Progress progress) throws Exception {
        HostProcess.Result r;
        try {
            r = HostProcess.run(List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), qcow2.toString()),
                    Duration.ofMinutes(10));
        } catch (IOException e) {
            throw AntsException.environment("qemu-img cannot be run (" + e.getMessage() + ")",
                    "install it: apt-get install -y qemu-utils, or use --format raw");
        }
        if (!r.ok()) {
            throw AntsException.environment("qemu-img convert failed (status " + r.status() + "): " + r.tail(5),
                    "check free space next to the output file");
        }
        return qcow2;
    }
}
