package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.harness.Runner;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.report.Shard;
import dev.ants.harness.target.TargetSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Ants#test} runs: the suites (empty: all) on the models, from the configuration's kernel
 * or from a disk image, and where the reports go.
 *
 * @param image       test this image instead of building a kernel from the tree; null: build
 * @param target      a real machine to run on instead of the QEMU {@code models}; null: QEMU
 * @param profile     how long the suites run (their iteration counts): quick, default or nightly
 * @param vars        suite variables that win over the suites' own and their profile's (--var)
 * @param timeoutScale multiplies every timeout (TCG adds its own factor)
 */
public record TestRequest(Path image, TargetSpec target, List<String> suites, List<HardwareModel> models, Shard shard,
                          Path reportDir, Profile profile, Map<String, String> vars, Accel accel, double timeoutScale, Runner runner,
                          boolean keep) {
    /** Suites read it as ${profile}; each decides what it means for its own counts. */
    public enum Profile {
        QUICK, DEFAULT, NIGHTLY;

        public static Profile parse(String s) {
            for (Profile p : values()) if (p.name().equalsIgnoreCase(s)) return p;
            throw AntsException.badInput("--profile " + s + " is unknown", "use quick, default or nightly");
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TestRequest {
        suites = suites == null ? List.of() : List.copyOf(suites);
        models = models == null ? List.of() : List.copyOf(models);
        if (target == null && models.isEmpty()) throw AntsException.badInput("no models to test on", "e.g. --models pc-virtio");
        if (reportDir == null) throw AntsException.badInput("no report directory", "pass --report DIR");
        if (shard == null) shard = Shard.ALL;
        if (profile == null) profile = Profile.DEFAULT;
        vars = vars == null ? Map.of() : Map.copyOf(vars);
        if (accel == null) accel = Accel.AUTO;
        if (runner == null) runner = Runner.HOST;
        if (!(timeoutScale > 0)) throw AntsException.badInput("timeout scale " + timeoutScale + " must be positive", "e.g. 2");
    }

    /** The defaults for everything but what must be chosen. */
    public static TestRequest of(List<HardwareModel> models, Path reportDir) {
        return new TestRequest(null, null, List.of(), models, Shard.ALL, reportDir, Profile.DEFAULT, Map.of(), Accel.AUTO, 1, Runner.HOST, false);
    }

    /** A run on a real machine (its target file's console and power) instead of QEMU models. */
    public static TestRequest onTarget(TargetSpec target, Path reportDir) {
        return new TestRequest(null, target, List.of(), List.of(), Shard.ALL, reportDir, Profile.DEFAULT, Map.of(), Accel.AUTO, 1, Runner.HOST, false);
    }

    public TestRequest withImage(Path i) {
        return new TestRequest(i, target, suites, models, shard, reportDir, profile, vars, accel, timeoutScale, runner, keep);
    }

    /** Run on this real machine instead of QEMU models (the image is flashed to its disk first when it has one). */
    public TestRequest withTarget(TargetSpec t) {
        return new TestRequest(image, t, suites, models, shard, reportDir, profile, vars, accel, timeoutScale, runner, keep);
    }

    public TestRequest withSuites(List<String> s) {
        return new TestRequest(image, target, s, models, shard, reportDir, profile, vars, accel, timeoutScale, runner, keep);
    }

    public TestRequest withShard(Shard s) {
        return new TestRequest(image, target, suites, models, s, reportDir, profile, vars, accel, timeoutScale, runner, keep);
    }

    public TestRequest withProfile(Profile p) {
        return new TestRequest(image, target, suites, models, shard, reportDir, p, vars, accel, timeoutScale, runner, keep);
    }

    /** What the suites read besides the model's facts: ${arch}, ${profile} and the caller's variables. */
    public Map<String, String> suiteVars(String objtype) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("arch", objtype);
        v.put("profile", profile.id());
        v.putAll(vars);
        return v;
    }

    public TestRequest withVars(Map<String, String> v) {
        return new TestRequest(image, target, suites, models, shard, reportDir, profile, v, accel, timeoutScale, runner, keep);
    }

    public TestRequest withMachine(Accel a, double scale, Runner r, boolean k) {
        return new TestRequest(image, target, suites, models, shard, reportDir, profile, vars, a, scale, r, k);
    }
}
