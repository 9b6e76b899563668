package dev.ants.harness;

import dev.ants.core.progress.Progress;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.scenario.Scenario;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Everything one boot needs. Only model and guest are required; the rest has defaults. Fluent setters. */
public final class BootRequest {
    private HardwareModel model;
    private Guest guest;
    private Scenario scenario;
    private Accel accel = Accel.AUTO;
    private double timeoutScale = 1.0;
    private boolean keep;
    private Path runParent;
    private Snapshot resumeFrom;
    private final List<String> extraQemuArgs = new ArrayList<>();
    private final List<String> guestForwards = new ArrayList<>();
    private OutputStream consoleMirror;
    private boolean vga = true;
    private boolean network = true;
    private Duration stallDeadline = Duration.ofSeconds(20);
    private Duration maxDuration;
    private String label;
    private Runner runner;
    private Progress progress;

    public BootRequest(HardwareModel model, Guest guest) {
        this.model = model;
        this.guest = guest;
    }

    public BootRequest copy() {
        BootRequest b = new BootRequest(model, guest);
        b.scenario = scenario; b.accel = accel; b.timeoutScale = timeoutScale; b.keep = keep; b.runParent = runParent;
        b.resumeFrom = resumeFrom; b.extraQemuArgs.addAll(extraQemuArgs); b.guestForwards.addAll(guestForwards); b.consoleMirror = consoleMirror; b.vga = vga;
        b.network = network; b.stallDeadline = stallDeadline; b.maxDuration = maxDuration; b.label = label;
        b.runner = runner; b.progress = progress;
        return b;
    }

    public BootRequest model(HardwareModel m) { this.model = m; return this; }
    public BootRequest guest(Guest g) { this.guest = g; return this; }
    /** The scenario to run; null boots and watches the console until the guest powers off (or maxDuration). */
    public BootRequest scenario(Scenario s) { this.scenario = s; return this; }
    public BootRequest accel(Accel a) { this.accel = a; return this; }
    /** The user's --timeout-scale; under TCG the harness multiplies it by its TCG factor. */
    public BootRequest timeoutScale(double f) { this.timeoutScale = f; return this; }
    /** Keep the run directory even on success (--keep). */
    public BootRequest keep(boolean k) { this.keep = k; return this; }
    /** Where run directories are created (default: the system temp dir). */
    public BootRequest runParent(Path p) { this.runParent = p; return this; }
    /** Start from a snapshot made by {@link Harness#prepareSnapshot} instead of booting. */
    public BootRequest resumeFrom(Snapshot s) { this.resumeFrom = s; return this; }
    public BootRequest extraQemuArgs(List<String> a) { this.extraQemuArgs.addAll(a); return this; }
    /** A QEMU user-network {@code guestfwd}: the guest's connections to an address reach a host socket. */
    public BootRequest guestForward(String spec) { this.guestForwards.add(spec); return this; }
    /** Raw copy of the console output, e.g. System.out for `ants boot` without --json. */
    public BootRequest consoleMirror(OutputStream o) { this.consoleMirror = o; return this; }
    public BootRequest vga(boolean v) { this.vga = v; return this; }
    public BootRequest network(boolean n) { this.network = n; return this; }
    /** With --accel auto and KVM chosen: no console output within this (unscaled) time means KVM stalls; rerun under TCG. */
    public BootRequest stallDeadline(Duration d) { this.stallDeadline = d; return this; }
    /** For boots without a scenario: stop (successfully) after this long; null waits for the guest to power off. */
    public BootRequest maxDuration(Duration d) { this.maxDuration = d; return this; }
    public BootRequest label(String l) { this.label = l; return this; }
    /** Where QEMU runs; null (the default) uses {@link HarnessOptions#runner}. */
    public BootRequest runner(Runner r) { this.runner = r; return this; }
    /** The progress node the boot's own node goes under; null (the default) uses {@link HarnessOptions#progress}. */
    public BootRequest progress(Progress p) { this.progress = p; return this; }

    public HardwareModel model() { return model; }
    public Guest guest() { return guest; }
    public Scenario scenario() { return scenario; }
    public Accel accel() { return accel; }
    public double timeoutScale() { return timeoutScale; }
    public boolean keep() { return keep; }
    public Path runParent() { return runParent; }
    public Snapshot resumeFrom() { return resumeFrom; }
    public List<String> extraQemuArgs() { return List.copyOf(extraQemuArgs); }
    public List<String> guestForwards() { return List.copyOf(guestForwards); }
    public OutputStream consoleMirror() { return consoleMirror; }
    public boolean vga() { return vga; }
    public boolean network() { return network; }
    public Duration stallDeadline() { return stallDeadline; }
    public Duration maxDuration() { return maxDuration; }
    public Runner runner() { return runner; }
    public Progress progress() { return progress; }

    public String label() {
        if (label != null) return label;
        return scenario != null ? scenario.name() : "boot";
    }
}
