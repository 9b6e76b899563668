package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.core.AntsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "flash", mixinStandardHelpOptions = true,
        description = "Writes an image to a block device, locally or on a remote host over SSH, and verifies it.")
public final class FlashCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to write.")
    Path image;

    @Option(names = "--device", paramLabel = "DEV", required = true, description = "Target block device, e.g. /dev/sdb.")
    String device;

    @Option(names = "--ssh", paramLabel = "USER@HOST[:PORT]", description = "Write on this remote host.")
    String ssh;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--no-verify", description = "Skip reading the device back.")
    boolean noVerify;

    @Override
    public void run() {
        Inputs.existingFile(image, "IMAGE");
        if (!device.startsWith("/dev/")) {
            throw AntsException.badInput("--device " + device + " is not a /dev path", "name a block device such as /dev/sdb");
        }
        if (ssh != null && !ssh.matches("[^@\\s]+@[^:\\s]+(:\\d+)?")) {
            throw AntsException.badInput("--ssh " + ssh + " is not USER@HOST[:PORT]", "e.g. --ssh root@lab1:22");
        }
        throw NotYet.fail("ants flash");
    }
}
