package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.core.AntsException;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.flash.FlashRequest;
import dev.ants.flash.FlashResult;
import dev.ants.flash.Flasher;
import dev.ants.flash.Sizes;
import dev.ants.flash.ssh.SshTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {"Writes an image (raw, qcow2, or .gz/.xz/.zst of either) to a whole block device, here or on a "
                + "remote host over SSH: only its data, the rest zeroed, then read back and verified.",
                "Exit 0 written and verified, 1 verification or write failed, 2 refused (nothing written), "
                        + "3 environment, 130 interrupted."})
public final class FlashCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to write.")
    Path image;

    @Option(names = "--device", paramLabel = "DEV", required = true, description = "Target whole disk, e.g. /dev/sdb.")
    String device;

    @Option(names = "--ssh", paramLabel = "USER@HOST[:PORT]", description = "Write on this remote host.")
    String ssh;

    @Option(names = "--identity", paramLabel = "FILE", description = "SSH private key (default: the agent, then ~/.ssh/id_*).")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts to check the host key against (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--no-verify", description = "Skip reading the device back.")
    boolean noVerify;

    @Option(names = "--force", description = "Allow a partition, or a regular file (an image file as the target).")
    boolean force;

    @Override
    public void run() {
        Inputs.existingFile(image, "IMAGE");
        if (!force && !device.startsWith("/dev/")) {
            throw AntsException.badInput("--device " + device + " is not a /dev path",
                    "name a block device such as /dev/sdb (or add --force to write into a file)");
        }
        SshTarget target = ssh == null ? null : SshTarget.parse(ssh, identity, knownHosts);
        if (ssh == null && (identity != null || knownHosts != null)) {
            throw AntsException.badInput("--identity and --known-hosts need --ssh", "add --ssh USER@HOST, or drop them");
        }
        FlashRequest.Confirmer confirmer = yes ? null : FlashCommand::ask;
        Flasher flasher = new Flasher(new FlashRequest(image, device, target, !noVerify, force, confirmer, out.progress()));
        // A signal cancels the flash and waits for it to say what it left; the exit code is then 130.
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        // the JVM exits with 130 after the clean-up registry ran this (see Signals)
        Cleanup.Registration onSignal = Cleanup.onExit("stop the flash", () -> {
            signalled.set(true);
            boolean writing = flasher.started();
            flasher.cancel();
            try {
                // a write in progress stops within moments and says what it left; a prompt or a probe
                // may not notice at all, and there is nothing on the device to report
                if (!done.await(writing ? 10 : 1, TimeUnit.SECONDS) && !writing) {
                    System.err.println("ants flash: interrupted; nothing was written");
                }
            } catch (InterruptedException ignored) {
                // exit anyway
            }
            System.err.flush();
        });
        FlashResult r;
        try {
            r = flasher.run();
        } catch (AntsException e) {
            if (signalled.get()) {
                // the JVM is shutting down: say it here, then wait for the exit (130) to take us
                System.err.println("ants flash: " + e.getMessage());
                if (!e.hint().isEmpty()) System.err.println("  fix: " + e.hint());
                done.countDown();
                parkForever();
            }
            throw e;
        } finally {
            done.countDown();
            onSignal.close();
        }
        out.print(r, human(r));
    }

    private static String human(FlashResult r) {
        String where = r.device() + (r.host().isEmpty() ? "" : " on " + r.host());
        return String.format(Locale.ROOT, "%s written to %s in %.1f s: %s of data, the rest of %s zeroed (%s)%s%s",
                r.image(), where, r.seconds(), Sizes.human(r.dataBytes()), Sizes.human(r.imageBytes()), r.zeroing(),
                r.verified() ? ", verified (sha256 of the data " + r.dataSha256().substring(0, 16) + "...)" : ", NOT verified (--no-verify)",
                r.compression().isEmpty() ? "" : ", sent with " + r.compression() + " compression");
    }

    private static void parkForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // the shutdown hook halts the JVM
            }
        }
    }

    /** Asks on the terminal; with none, refuses (a script must say --yes). */
    private static boolean ask(String what) {
        Console c = System.console();
        if (c == null) {
            throw AntsException.badInput("no terminal to confirm on; nothing was written",
                    "run it on a terminal, or pass --yes after checking the device");
        }
        String answer = c.readLine("ants flash: %s.%nType yes to continue: ", what);
        return answer != null && answer.trim().equalsIgnoreCase("yes");
    }
}
