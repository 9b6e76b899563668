package dev.ants.pipeline.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.flash.FlashRequest;
import dev.ants.flash.FlashResult;
import dev.ants.flash.Flasher;
import dev.ants.flash.ssh.SshTarget;
import dev.ants.harness.target.TargetSpec;

import java.nio.file.Path;

/**
 * Puts the image on a real machine's disk before a run: ants flash to the block device the target file
 * names, on this host or on its SSH flash station. The target file is the consent (it names the device
 * as the machine's disk), so nothing is asked; every safety check of ants flash still runs.
 */
public final class FlashTargetStep implements Step<FlashResult> {
    private final TargetSpec target;
    private final Path image;

    public FlashTargetStep(TargetSpec target, Path image) {
        this.target = target;
        this.image = image;
    }

    @Override
    public String description() {
        return "flash " + image.getFileName() + " to " + target.name();
    }

    @Override
    public FlashResult run(Progress progress) {
        TargetSpec.Disk d = target.disk();
        SshTarget ssh = d.ssh() == null ? null : SshTarget.parse(d.ssh(), d.identity(), d.knownHosts());
        return Flasher.flash(new FlashRequest(image, d.device(), ssh, true, false, null, progress));
    }
}
