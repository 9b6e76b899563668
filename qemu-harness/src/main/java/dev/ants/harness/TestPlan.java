package dev.ants.harness;

import dev.ants.core.AntsException;
import dev.ants.core.host.Parallelism;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.Shard;
import dev.ants.harness.suite.SuiteSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code dev.ants.harness.matrix.MatrixRunner} runs: suites on one guest across models, models in
 * parallel up to {@code jobs}, shard k of n of the model x suite matrix, reports in {@code reportDir}.
 * Built by name ({@link #builder}); {@link Builder#build} refuses what cannot run (exit 2).
 *
 * @param skippedModels models that are part of the matrix but do not run, with the reason (reported as skipped)
 * @param vars          scenario variables for every model (e.g. arch), besides each model's own facts
 */
public record TestPlan(String name, List<HardwareModel> models, Map<HardwareModel, String> skippedModels,
                       List<SuiteSource> suites, Guest guest, int jobs, Shard shard, Path reportDir, Accel accel,
                       double timeoutScale, boolean keep, Map<String, String> vars) {

    public static Builder builder(String name, Path reportDir) {
        return new Builder(name, reportDir);
    }

    public static final class Builder {
        private final String name;
        private final Path reportDir;
        private final List<HardwareModel> models = new ArrayList<>();
        private final Map<HardwareModel, String> skipped = new LinkedHashMap<>();
        private final List<SuiteSource> suites = new ArrayList<>();
        private final Map<String, String> vars = new LinkedHashMap<>();
        private Guest guest;
        private int jobs = Parallelism.defaultJobs();
        private Shard shard = Shard.ALL;
        private Accel accel = Accel.AUTO;
        private double timeoutScale = 1.0;
        private boolean keep;

        private Builder(String name, Path reportDir) {
            this.name = name;
            this.reportDir = reportDir;
        }

        public Builder models(List<HardwareModel> m) { models.addAll(m); return this; }
        /** A model that stays in the report as skipped, with the reason (e.g. UEFI cannot load a multiboot kernel). */
        public Builder skip(HardwareModel m, String why) { skipped.put(m, why); return this; }
        public Builder suite(SuiteSource s) { suites.add(s); return this; }
        public Builder suites(List<SuiteSource> s) { suites.addAll(s); return this; }
        public Builder guest(Guest g) { guest = g; return this; }
        /** Models run in parallel up to this many (default: the processors, or ANTS_JOBS). */
        public Builder jobs(int j) { jobs = j; return this; }
        public Builder shard(Shard s) { shard = s; return this; }
        public Builder accel(Accel a) { accel = a; return this; }
        public Builder timeoutScale(double f) { timeoutScale = f; return this; }
        /** Keep every run's directory and the snapshots, not only failures'. */
        public Builder keep(boolean k) { keep = k; return this; }
        public Builder vars(Map<String, String> v) { vars.putAll(v); return this; }

        public TestPlan build() {
            if (name == null || name.isBlank()) throw AntsException.badInput("a test plan needs a name", "e.g. ants");
            if (reportDir == null) throw AntsException.badInput("a test plan needs a report directory", "pass --report DIR");
            if (guest == null) throw AntsException.badInput("nothing to boot", "pass --tree, --image or --kernel");
            if (suites.isEmpty()) throw AntsException.badInput("no suites to run", "name at least one suite");
            if (models.isEmpty() && skipped.isEmpty()) throw AntsException.badInput("no models to run on", "e.g. --models pc-virtio");
            if (jobs < 1 || jobs > 256) throw AntsException.badInput("--jobs " + jobs + " is out of range", "use 1 to 256");
            if (!(timeoutScale > 0) || timeoutScale > 1000) {
                throw AntsException.badInput("--timeout-scale " + timeoutScale + " is out of range", "use a factor between 0.1 and 1000");
            }
            Set<String> seen = new HashSet<>();
            for (HardwareModel m : models) {
                if (!seen.add(m.name())) throw AntsException.badInput("model " + m.name() + " is named twice", "name each model once");
            }
            for (HardwareModel m : skipped.keySet()) {
                if (!seen.add(m.name())) throw AntsException.badInput("model " + m.name() + " is both run and skipped", "name each model once");
            }
            return new TestPlan(name, List.copyOf(models), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped)),
                    List.copyOf(suites), guest, jobs, shard, reportDir, accel, timeoutScale, keep, Map.copyOf(vars));
        }
    }
}
