package dev.ants.harness.run;

import dev.ants.core.AntsException;
import dev.ants.core.progress.Progress;
import dev.ants.harness.accel.KvmProbe;
import dev.ants.harness.accel.KvmStatus;
import dev.ants.harness.qemu.Accel;

import java.util.List;

/**
 * Which accelerator a run uses. {@code auto} takes KVM only when {@link KvmProbe} says it is usable;
 * and if a KVM guest then stalls (no console output within the stall deadline, as on PVM hosts), the
 * attempt is thrown away and rerun under TCG with a warning.
 */
public final class AccelPolicy {
    /** One try under an accelerator: its value, or why it stalled (only asked to look when detectStall). */
    public record Try<R>(R value, String stall) {
        public static <R> Try<R> done(R value) {
            return new Try<>(value, null);
        }

        public static <R> Try<R> stalled(String why) {
            return new Try<>(null, why);
        }
    }

    @FunctionalInterface
    public interface Attempt<R> {
        Try<R> run(Accel accel, boolean detectStall);
    }

    private final KvmProbe probe;
    private final Progress progress;
    private volatile KvmStatus status;

    public AccelPolicy(KvmProbe probe, Progress progress) {
        this.probe = probe;
        this.progress = progress;
    }

    /** The static KVM probe, once per policy. */
    public KvmStatus kvmStatus() {
        KvmStatus s = status;
        if (s == null) status = s = probe.probe();
        return s;
    }

    /** KVM only when asked for, or (auto) when the probe says it is usable; the reason goes to the warnings. */
    public Accel resolve(Accel requested, List<String> warnings) {
        if (requested == Accel.TCG) return Accel.TCG;
        KvmStatus s = kvmStatus();
        if (requested == Accel.KVM) {
            if (!s.present()) throw AntsException.environment("--accel kvm: " + s.reason(), "use --accel tcg or auto");
            if (!s.usable()) warnings.add("--accel kvm although " + s.reason());
            return Accel.KVM;
        }
        if (!s.usable()) {
            warnings.add(s.reason());
            return Accel.TCG;
        }
        return Accel.KVM;
    }

    /** Runs {@code attempt} under the resolved accelerator, and once more under TCG if KVM stalled. */
    public <R> R run(Accel requested, List<String> warnings, Attempt<R> attempt) {
        Accel accel = resolve(requested, warnings);
        Try<R> t = attempt.run(accel, requested == Accel.AUTO && accel == Accel.KVM);
        if (t.stall() == null) return t.value();
        String w = "the guest stalled under KVM (" + t.stall() + "); rerunning under TCG";
        warnings.add(w);
        progress.note("warning: " + w);
        return attempt.run(Accel.TCG, false).value();
    }
}
