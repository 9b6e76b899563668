package dev.ants.flash;

import dev.ants.core.progress.Progress;
import dev.ants.flash.ssh.SshTarget;

import java.nio.file.Path;

/**
 * One flash: which image, which device, where (this host when {@code ssh} is null), and how.
 *
 * @param confirmer asked before anything is written; null means the caller already has consent (--yes)
 * @param force     allows a partition or a regular file as the target
 */
public record FlashRequest(Path image, String device, SshTarget ssh, boolean verify, boolean force,
                           Confirmer confirmer, Progress progress) {

    /** Asks the person at the console whether to go ahead. */
    @FunctionalInterface
    public interface Confirmer {
        /** {@code what} names the image and the device (model, size, partitions). True to write. */
        boolean confirm(String what);
    }

    public FlashRequest {
        if (progress == null) progress = Progress.SILENT;
    }

    /** This host, verified, no confirmation, no progress: what a harness step that owns the device wants. */
    public static FlashRequest local(Path image, String device) {
        return new FlashRequest(image, device, null, true, false, null, Progress.SILENT);
    }

    public FlashRequest withProgress(Progress p) {
        return new FlashRequest(image, device, ssh, verify, force, confirmer, p);
    }
}
