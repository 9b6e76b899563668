package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.MachineOptions;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.console.TerminalMode;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ImageHints;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.ScenarioLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boots an x86 guest in QEMU on a hardware model and optionally runs a scenario on its serial console.",
                "A 9front kernel takes its plan9.ini with --plan9ini."})
public final class BootCommand implements Callable<Integer> {
    @Mixin
    OutputOptions out;

    @Mixin
    MachineOptions machine;

    static final class KernelGuest {
        @Option(names = "--kernel", paramLabel = "K", required = true, description = "Boot this kernel directly (multiboot or Linux).")
        Path kernel;

        @Option(names = "--initrd", paramLabel = "I", description = "Initial ramdisk (Linux) or first multiboot module.")
        Path initrd;

        @Option(names = "--append", paramLabel = "S", description = "Kernel command line.")
        String append;

        @Option(names = "--plan9ini", paramLabel = "P", description = "9front plan9.ini (becomes the first multiboot module).")
        Path plan9ini;
    }

    static final class GuestOptions {
        @Option(names = "--image", paramLabel = "F", description = "Disk image (raw or qcow2); never modified.")
        Path image;

        @Option(names = "--iso", paramLabel = "F", description = "ISO image.")
        Path iso;

        @ArgGroup(exclusive = false)
        KernelGuest kernel;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    GuestOptions guest;

    @Option(names = "--model", paramLabel = "M", defaultValue = "pc-virtio", description = "Hardware model (default pc-virtio; see ants models).")
    String model;

    @Option(names = "--disk", paramLabel = "F", description = {"A further disk (raw or qcow2) on the model's disk interface, after the guest's own;",
            "never written (QEMU snapshot=on). Repeatable. QEMU device ids ants-disk0, ants-disk1, ... in order (qmp steps)."})
    List<Path> disks = new java.util.ArrayList<>();

    @Option(names = "--script", paramLabel = "S.yaml", description = "Scenario to run on the console.")
    Path script;

    @Option(names = "--attach", description = "Connect this terminal to the serial console.")
    boolean attach;

    @Option(names = "--dry-run", description = "Print the QEMU command line and exit.")
    boolean dryRun;

    @Override
    public Integer call() {
        HardwareModel m = machine.models().get(model);
        Guest g = guest();
        BootRequest req = new BootRequest(m, g).accel(machine.accel()).timeoutScale(machine.timeoutScale()).keep(machine.keep);
        for (Path d : disks) req.extraDisks(List.of(Inputs.existingFile(d, "--disk")));
        Map<String, String> vars = new LinkedHashMap<>(ModelVars.of(m));
        if (g.disk() != null) {
            // The image's manifest knows the model's names for its parts; scenarios read them as ${name}.
            Map<String, String> hints = ImageHints.forModel(g.disk(), m.name());
            ImageHints.requireBootable(g.disk(), m.name(), hints);
            vars.putAll(hints);
        }
        if (script != null) {
            req.scenario(ScenarioLoader.load(Inputs.existingFile(script, "--script"), vars));
        }
        Harness harness = new Harness(machine.harness(out.progress()));
        if (dryRun) {
            List<String> argv = harness.dryRun(req);
            out.print(java.util.Map.of("qemu", argv), String.join(" ", argv));
            return 0;
        }
        RunResult r;
        if (attach) {
            try (TerminalMode tty = TerminalMode.raw()) {
                System.err.println("ants: attached to the serial console of " + m.name() + "; Ctrl-] detaches and stops the machine\r");
                r = harness.attach(req, System.in, System.out);
            }
        } else {
            r = harness.boot(req);
        }
        out.print(r, r.summary());
        return r.exitCode();
    }

    private Guest guest() {
        Guest g;
        if (guest.image != null) {
            g = Guest.disk(Inputs.existingFile(guest.image, "--image"));
        } else if (guest.iso != null) {
            g = Guest.iso(Inputs.existingFile(guest.iso, "--iso"));
        } else {
            KernelGuest k = guest.kernel;
            g = Guest.kernel(Inputs.existingFile(k.kernel, "--kernel"),
                    k.initrd == null ? null : Inputs.existingFile(k.initrd, "--initrd"), k.append);
            if (k.plan9ini != null) g = g.withPlan9ini(Inputs.existingFile(k.plan9ini, "--plan9ini"));
        }
        return g.validate();
    }

}
