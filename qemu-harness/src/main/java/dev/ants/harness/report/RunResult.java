package dev.ants.harness.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ants.core.ExitCode;
import dev.ants.harness.expect.FailureHit;
import dev.ants.harness.scenario.StepResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run (a model x a scenario), as written to result.json and summarised in reports. Built by name
 * with {@link #builder()}; every field but model, scenario and exit code may stay unset.
 * {@code artifacts} maps a name (transcript, overlay, screendump, qemu-stderr, qemu-cmdline, result) to
 * a kept file; {@code bootSeconds} is the time from QEMU start to the first console byte (-1: none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RunResult {
    private final String model;
    private final String scenario;
    private final String guest;
    private final RunStatus status;
    @JsonIgnore
    private final ExitCode exit;
    private final String accel;
    private final List<String> warnings;
    private final String startedAt;
    private final double seconds;
    private final double bootSeconds;
    private final Integer failedStep;
    private final String failedStepLabel;
    private final FailureKind failureKind;
    private final String reason;
    private final List<String> lastConsoleLines;
    private final List<StepResult> steps;
    private final List<FailureHit> failurePatterns;
    private final Map<String, String> artifacts;
    private final String runDir;
    private final boolean kept;
    private final List<String> qemuCommand;

    private RunResult(Builder b) {
        if (b.model == null || b.scenario == null || b.exit == null) throw new IllegalStateException("model, scenario and exit are required");
        model = b.model;
        scenario = b.scenario;
        guest = b.guest;
        exit = b.exit;
        status = b.status != null ? b.status : RunStatus.of(b.exit);
        accel = b.accel;
        warnings = b.warnings == null ? List.of() : List.copyOf(b.warnings);
        startedAt = b.startedAt;
        seconds = b.seconds;
        bootSeconds = b.bootSeconds;
        failedStep = b.failedStep;
        failedStepLabel = b.failedStepLabel;
        failureKind = b.failureKind;
        reason = b.reason;
        lastConsoleLines = b.lastConsoleLines;
        steps = b.steps == null ? List.of() : List.copyOf(b.steps);
        failurePatterns = b.failurePatterns == null ? List.of() : List.copyOf(b.failurePatterns);
        artifacts = b.artifacts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.artifacts)); // in order: transcript first
        runDir = b.runDir;
        kept = b.kept;
        qemuCommand = b.qemuCommand;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this result, to derive another from it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model; b.scenario = scenario; b.guest = guest; b.status = status; b.exit = exit; b.accel = accel;
        b.warnings = warnings; b.startedAt = startedAt; b.seconds = seconds; b.bootSeconds = bootSeconds; b.failedStep = failedStep;
        b.failedStepLabel = failedStepLabel; b.failureKind = failureKind; b.reason = reason; b.lastConsoleLines = lastConsoleLines;
        b.steps = steps; b.failurePatterns = failurePatterns; b.artifacts = artifacts; b.runDir = runDir; b.kept = kept;
        b.qemuCommand = qemuCommand;
        return b;
    }

    public String model() { return model; }
    public String scenario() { return scenario; }
    public String guest() { return guest; }
    public RunStatus status() { return status; }
    public ExitCode exit() { return exit; }

    /** The process exit code of the contract (0, 1, 2, 3, 130). */
    @JsonProperty("exitCode")
    public int exitCode() { return exit.code; }

    public String accel() { return accel; }
    public List<String> warnings() { return warnings; }
    /** When the run started (ISO-8601), so overlapping runs under --jobs can be seen. */
    public String startedAt() { return startedAt; }
    public double seconds() { return seconds; }
    public double bootSeconds() { return bootSeconds; }
    public Integer failedStep() { return failedStep; }
    public String failedStepLabel() { return failedStepLabel; }
    public FailureKind failureKind() { return failureKind; }
    public String reason() { return reason; }
    public List<String> lastConsoleLines() { return lastConsoleLines; }
    public List<StepResult> steps() { return steps; }
    public List<FailureHit> failurePatterns() { return failurePatterns; }
    public Map<String, String> artifacts() { return artifacts; }
    public String runDir() { return runDir; }
    public boolean kept() { return kept; }
    public List<String> qemuCommand() { return qemuCommand; }

    public boolean passed() {
        return exit == ExitCode.OK;
    }

    /** A one-line human summary, e.g. for the CLI. */
    public String summary() {
        // a real machine has no accelerator: its run says only how long it took
        String head = String.format(Locale.ROOT, "%s %s on %s (%s%.1f s)", status.name().replace('_', '-'), scenario, model,
                accel == null ? "" : accel + ", ", seconds);
        if (passed()) return head;
        return head + ": " + (failedStepLabel != null ? "step " + failedStep + " (" + failedStepLabel + "): " : "") + reason
                + (runDir != null && kept ? "\n  artifacts kept in " + runDir : "");
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Fluent, by name. */
    public static final class Builder {
        private String model;
        private String scenario;
        private String guest;
        private RunStatus status;
        private ExitCode exit;
        private String accel;
        private List<String> warnings;
        private String startedAt;
        private double seconds;
        private double bootSeconds = -1;
        private Integer failedStep;
        private String failedStepLabel;
        private FailureKind failureKind;
        private String reason;
        private List<String> lastConsoleLines;
        private List<StepResult> steps;
        private List<FailureHit> failurePatterns;
        private Map<String, String> artifacts;
        private String runDir;
        private boolean kept;
        private List<String> qemuCommand;

        private Builder() {
        }

        public Builder model(String v) { model = v; return this; }
        public Builder scenario(String v) { scenario = v; return this; }
        public Builder guest(String v) { guest = v; return this; }
        /** Normally derived from the exit code; SKIPPED is the one status set by hand. */
        public Builder status(RunStatus v) { status = v; return this; }
        public Builder exit(ExitCode v) { exit = v; return this; }
        public Builder accel(String v) { accel = v; return this; }
        public Builder warnings(List<String> v) { warnings = v; return this; }
        public Builder startedAt(String v) { startedAt = v; return this; }
        public Builder seconds(double v) { seconds = v; return this; }
        public Builder bootSeconds(double v) { bootSeconds = v; return this; }
        public Builder failedStep(Integer v) { failedStep = v; return this; }
        public Builder failedStepLabel(String v) { failedStepLabel = v; return this; }
        public Builder failureKind(FailureKind v) { failureKind = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder lastConsoleLines(List<String> v) { lastConsoleLines = v; return this; }
        public Builder steps(List<StepResult> v) { steps = v; return this; }
        public Builder failurePatterns(List<FailureHit> v) { failurePatterns = v; return this; }
        public Builder artifacts(Map<String, String> v) { artifacts = v; return this; }
        public Builder runDir(String v) { runDir = v; return this; }
        public Builder kept(boolean v) { kept = v; return this; }
        public Builder qemuCommand(List<String> v) { qemuCommand = v; return this; }

        public RunResult build() {
            return new RunResult(this);
        }
    }
}
