package dev.ants.cli.commands;

import dev.ants.cli.ArchOption;
import dev.ants.cli.Configure;
import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.VarOptions;
import dev.ants.cli.MachineOptions;
import dev.ants.harness.BootRequest;
import dev.ants.pipeline.Ants;
import dev.ants.harness.console.TerminalMode;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.target.TargetFile;
import dev.ants.harness.target.TargetSpec;
import dev.ants.core.AntsException;
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

    @Mixin
    ArchOption arch;

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

    @ArgGroup(exclusive = true)
    GuestOptions guest;

    @Option(names = "--target", paramLabel = "FILE", description = {"Boot the real machine this target file describes "
            + "(with --image: flash it to the machine's disk first); needs --script.",
            "See qemu-harness/README.md, \"Real machines\"."})
    Path target;

    @Option(names = "--model", paramLabel = "M", defaultValue = "pc-virtio", description = "Hardware model (default pc-virtio; see ants models).")
    String model;

    @Option(names = "--disk", paramLabel = "F", description = {"A further raw disk on the model's disk interface, after the guest's own",
            "(from unit 0 beside a kernel), written in place. Repeatable; QEMU ids ants-disk0, ants-disk1, ... (device-del steps)."})
    List<Path> disks = new java.util.ArrayList<>();

    @Option(names = "--script", paramLabel = "S.yaml", description = "Scenario to run on the console.")
    Path script;

    @Mixin
    VarOptions vars;

    @Option(names = "--attach", description = "Connect this terminal to the serial console.")
    boolean attach;

    @Option(names = "--dry-run", description = "Print the QEMU command line and exit.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (target != null) return callTarget();
        if (guest == null) throw AntsException.badInput("nothing to boot", "pass --image F, --iso F, --kernel K or --target FILE");
        HardwareModel m = machine.models().get(model);
        Guest g = guest();
        Ants ants = Configure.treeless(arch.arch(), out.progress(), machine.models()).build();
        BootRequest req = new BootRequest(m, g).accel(machine.accel()).timeoutScale(machine.timeoutScale()).keep(machine.keep)
                .runner(machine.runner());
        if (script != null) {
            // the image's manifest knows the model's names for its parts; scenarios read them as ${name}
            Map<String, String> v = new LinkedHashMap<>(ants.scenarioVars(m, g));
            v.putAll(vars.vars());
            req.scenario(ScenarioLoader.load(Inputs.existingFile(script, "--script"), v));
        }
        if (dryRun) {
            List<String> argv = ants.dryRun(req);
            out.print(java.util.Map.of("qemu", argv), String.join(" ", argv));
            return 0;
        }
        RunResult r;
        if (attach) {
            try (TerminalMode tty = TerminalMode.raw()) {
                System.err.println("ants: attached to the serial console of " + m.name() + "; Ctrl-] detaches and stops the machine\r");
                r = ants.boot(req, System.in, System.out);
            }
        } else {
            r = ants.boot(req, null, null);
        }
        out.print(r, r.summary());
        return r.exitCode();
    }

    /** A real machine: the scenario runs from a power cycle; the image, if any, is flashed to its disk first. */
    private int callTarget() {
        if (guest != null && (guest.iso != null || guest.kernel != null)) {
            throw AntsException.badInput("a real machine boots from its disk: --iso and --kernel do not apply to --target",
                    "pass --image F to flash an image to the machine's disk, or nothing to boot what is there");
        }
        if (script == null || attach || dryRun) {
            throw AntsException.badInput("--target needs --script S.yaml (and takes neither --attach nor --dry-run)",
                    "write the scenario to run on the machine's console, e.g. the boot suite's steps");
        }
        TargetSpec spec = TargetFile.load(Inputs.existingFile(target, "--target"));
        Path image = guest == null ? null : Inputs.existingFile(guest.image, "--image");
        Ants ants = Configure.treeless(arch.arch(), out.progress(), machine.models()).build();
        Map<String, String> vars = new LinkedHashMap<>(spec.model().vars());
        vars.put("arch", arch.arch().objtype);
        vars.putAll(this.vars.vars());
        Scenario s = ScenarioLoader.load(Inputs.existingFile(script, "--script"), vars);
        RunResult r = ants.boot(spec, image, s, Path.of("ants-runs"), machine.timeoutScale());
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
        for (Path d : disks) g = g.withExtraDisk(Inputs.existingFile(d, "--disk"), false);
        return g.validate();
    }

}
