package dev.ants.cli.commands;

import dev.ants.cli.OutputOptions;
import dev.ants.cli.doctor.Check;
import dev.ants.cli.doctor.HostChecks;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.accel.KvmProbe;
import dev.ants.harness.accel.KvmStatus;
import dev.ants.harness.host.GuestKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks host dependencies and whether KVM is usable; prints the apt-get",
                "line that installs what is missing. Exit 0 when all required are there, else 3."})
public final class DoctorCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    OutputOptions out;

    @Option(names = "--install", description = {"Run the apt-get install line (as root, without recommends), including test packages,",
            "and unpack Debian's kernel for the test guests into the ants cache (no kernel package is installed)."})
    boolean install;

    @Override
    public Integer call() throws Exception {
        List<Check> checks = HostChecks.run();
        if (install) {
            List<String> pkgs = HostChecks.missingPackages(checks, true, false);
            if (!pkgs.isEmpty()) aptInstall(pkgs);
            checks = HostChecks.run();
            if (checks.stream().anyMatch(c -> c.name().equals(HostChecks.KERNEL) && !c.ok())) {
                fetchKernel();
                checks = HostChecks.run();
            }
        }
        // A guest must really run: on PVM hosts /dev/kvm opens fine and guests still stall.
        KvmStatus kvm = new KvmProbe().probeWithGuest(Duration.ofSeconds(10));
        List<String> missing = HostChecks.missingPackages(checks, true, false);
        String aptLine = missing.isEmpty() ? "" : "apt-get install -y --no-install-recommends " + String.join(" ", missing);
        boolean requiredOk = checks.stream().filter(Check::required).allMatch(Check::ok);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ok", requiredOk);
        summary.put("checks", checks);
        summary.put("kvm", kvm);
        summary.put("apt", aptLine);
        out.print(summary, human(checks, kvm, aptLine));
        return requiredOk ? ExitCode.OK.code : ExitCode.ENVIRONMENT.code;
    }

    private static String human(List<Check> checks, KvmStatus kvm, String aptLine) {
        StringBuilder b = new StringBuilder();
        for (Check c : checks) {
            b.append(String.format("%-4s %-28s %-9s %s%n", c.ok() ? "ok" : "MISS", c.name(), c.need(), c.detail()));
        }
        b.append(String.format("%-4s %-28s %-9s %s%n", kvm.usable() ? "ok" : "--", "KVM", "optional", kvm.reason()));
        if (!aptLine.isEmpty()) b.append("\nto install what is missing (as root):\n  ").append(aptLine).append('\n');
        else b.append("\nall dependencies are installed\n");
        return b.toString().stripTrailing();
    }

    private static void aptInstall(List<String> pkgs) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw AntsException.environment("--install needs root to run apt-get",
                    "run: sudo apt-get install -y " + String.join(" ", pkgs));
        }
        List<String> cmd = installCommand(pkgs);
        if (runInheriting(cmd) != 0) {
            // A fresh machine often has no package lists yet.
            runInheriting(List.of("apt-get", "update", "-q"));
            if (runInheriting(cmd) != 0) {
                throw AntsException.environment("apt-get install failed for " + String.join(" ", pkgs),
                        "read apt-get's message above; check the network access to Debian's archive");
            }
        }
    }

    /** The test guest's kernel into the ants cache; a fresh machine may first need its package lists. */
    private static void fetchKernel() throws IOException, InterruptedException {
        System.err.println("ants: fetching Debian's kernel for the test guests into " + GuestKernel.cacheDir());
        GuestKernel.Found k;
        try {
            k = GuestKernel.fetch();
        } catch (AntsException e) {
            if (!"root".equals(System.getProperty("user.name"))) throw e;
            runInheriting(List.of("apt-get", "update", "-q"));
            k = GuestKernel.fetch();
        }
        System.err.println("ants: test guest kernel: " + k.kernel());
    }

    /** Without recommends: qemu-system-x86 alone would pull a GUI, gstreamer and ~200 packages. */
    static List<String> installCommand(List<String> pkgs) {
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        cmd.addAll(pkgs);
        return cmd;
    }

    private static int runInheriting(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.to(new java.io.File("/dev/stderr")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        return pb.start().waitFor();
    }
}
