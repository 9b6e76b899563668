package dev.ants.it;

import dev.ants.core.tree.NineFrontTree;
import dev.ants.harness.BootRequest;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.hostbuild.Arch;
import dev.ants.pipeline.Ants;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rootless boot (issue 8): every case of suites/plan9rc boots the ANTS kernel built from
 * ANTS_9FRONT_TREE with the suite's plan9.ini plus the case's .ini lines, on the model and with the
 * blank disks its first line names ({@code # ants-boot: --model M --blank-disks N}), as
 * suites/plan9rc/run.sh does with {@code ants boot}.
 */
class Plan9rcBootTest {
    private static final Path CASES = Path.of("..", "suites", "plan9rc");
    private static final Pattern MODEL = Pattern.compile("--model (\\S+)");
    private static final Pattern BLANK = Pattern.compile("--blank-disks (\\d+)");
    private static Path kernel;

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.yaml"))
                    .sorted().toList();
            assertTrue(names.size() >= 6, "six plan9rc cases at least: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan9rcCasePasses(String file) throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout to build the ANTS kernel plan9rc boots with");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86 is not installed");
        Ants ants = Ants.builder().tree(tree).arch(Arch.AMD64).build();
        Path k = kernel(ants);

        Path yaml = CASES.resolve(file);
        String header = Files.readAllLines(yaml).get(0);
        HardwareModel model = ants.models().get(find(MODEL, header, "pc-virtio"));
        String name = file.replaceFirst("\\.yaml$", "");
        Path ini = tmp.resolve(name + ".ini");
        Files.writeString(ini, Files.readString(CASES.resolveSibling("plan9.ini"))
                + Files.readString(CASES.resolve(name + ".ini")));
        Guest g = Guest.kernel(k, null, null).withPlan9ini(ini);
        for (int i = 0; i < Integer.parseInt(find(BLANK, header, "0")); i++) {
            Path blank = tmp.resolve(name + "-" + i + ".img");
            try (RandomAccessFile f = new RandomAccessFile(blank.toFile(), "rw")) {
                f.setLength(64L << 20);
            }
            g = g.withExtraDisk(blank, false);
        }
        BootRequest req = new BootRequest(model, g).accel(Accel.TCG)
                .scenario(ScenarioLoader.load(yaml, ants.scenarioVars(model, g)));
        RunResult r = ants.boot(req, null, null);
        assertEquals(0, r.exitCode(), () -> r.summary() + "\n" + String.join("\n",
                r.lastConsoleLines() == null ? List.of() : r.lastConsoleLines()));
    }

    /** One kernel for all cases (the build cache makes later builds cheap, but not free). */
    private static synchronized Path kernel(Ants ants) throws IOException {
        if (kernel == null) {
            Path dir = Files.createTempDirectory("plan9rc-kernel");
            kernel = ants.kernel(dir).file();
        }
        return kernel;
    }

    private static String find(Pattern p, String header, String dflt) {
        Matcher m = p.matcher(header);
        return m.find() ? m.group(1) : dflt;
    }
}
