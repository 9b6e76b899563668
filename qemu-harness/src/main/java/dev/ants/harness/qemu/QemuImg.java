package dev.ants.harness.qemu;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The few qemu-img operations a run needs: overlays over the user's image and empty qcow2 files. */
public final class QemuImg {
    private final String binary;

    public QemuImg(String binary) {
        this.binary = binary;
    }

    public QemuImg() {
        this("qemu-img");
    }

    /** A copy-on-write overlay: the guest writes into {@code overlay}; {@code base} is only read. */
    public void overlay(Path base, Path overlay) throws IOException, InterruptedException {
        String fmt = DiskFormat.of(base);
        run(List.of(binary, "create", "-q", "-f", "qcow2", "-b", base.toAbsolutePath().toString(), "-F", fmt,
                overlay.toString()), "create an overlay over " + base);
    }

    public void create(Path file, String size) throws IOException, InterruptedException {
        run(List.of(binary, "create", "-q", "-f", "qcow2", file.toString(), size), "create " + file);
    }

    public void convertToQcow2(Path from, Path to) throws IOException, InterruptedException {
        run(List.of(binary, "convert", "-q", "-O", "qcow2", from.toString(), to.toString()), "convert " + from);
    }

    private void run(List<String> cmd, String what) throws IOException, InterruptedException {
        HostProcess.Result r;
        try {
            r = HostProcess.run(cmd, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw AntsException.environment("qemu-img is missing (" + e.getMessage() + ")", "apt-get install qemu-utils");
        }
        if (!r.ok()) {
            throw AntsException.environment("qemu-img could not " + what + ": " + r.tail(3), "check the image file and free disk space");
        }
    }
}
