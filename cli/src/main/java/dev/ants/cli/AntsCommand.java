package dev.ants.cli;

import dev.ants.cli.commands.BootCommand;
import dev.ants.cli.commands.DoctorCommand;
import dev.ants.cli.commands.FlashCommand;
import dev.ants.cli.commands.ImageCommand;
import dev.ants.cli.commands.KernelCommand;
import dev.ants.cli.commands.ModelsCommand;
import dev.ants.cli.commands.PatchCommand;
import dev.ants.cli.commands.TestCommand;
import dev.ants.cli.commands.ToolchainCommand;
import dev.ants.cli.commands.UserlandCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ants", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
                "Builds ANTS 9front kernels and images (writable /proc/N/ns, rootless",
                "plan9rc boot) on Linux, boots them in QEMU on emulated PCs, checks them",
                "over the serial console, and flashes them to real machines.",
                "",
                "Exit codes: 0 ok, 1 a check failed, 2 bad input (nothing written),",
                "3 environment or not implemented yet, 130 interrupted."},
        subcommands = {
                DoctorCommand.class, PatchCommand.class, ToolchainCommand.class, KernelCommand.class, UserlandCommand.class,
                ImageCommand.class, BootCommand.class, TestCommand.class, ModelsCommand.class,
                FlashCommand.class})
public final class AntsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
