package dev.ants.cli.commands;

import dev.ants.cli.Configure;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.TreeOption;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.HostToolchain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "toolchain", mixinStandardHelpOptions = true,
        description = "Builds the host Plan 9 toolchain (mk, rc, 6c/6a/6l, 8c/8a/8l, ...) from a 9front tree; cached.")
public final class ToolchainCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Mixin
    TreeOption tree;

    @Override
    public void run() {
        long t0 = System.nanoTime();
        HostToolchain tc = Configure.ants(tree.given(), Arch.AMD64, out.progress()).build().toolchain();
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("toolchain", tc.dir().toString());
        summary.put("key", tc.key());
        summary.put("bin", tc.bin().toString());
        summary.put("seconds", Math.round(secs * 10) / 10.0);
        out.print(summary, String.format("toolchain %s ready in %.1f s: %s", tc.key().substring(0, 12), secs, tc.bin()));
    }
}
