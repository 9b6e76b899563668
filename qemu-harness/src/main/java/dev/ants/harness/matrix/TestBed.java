package dev.ants.harness.matrix;

import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.Snapshot;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.target.Capability;

import java.nio.file.Path;
import dev.ants.harness.suite.TestCase;
import java.util.List;
import java.util.Set;

/**
 * Where one model's suites run: a QEMU hardware model ({@link QemuBed}) or, behind the same methods, a
 * real machine (power cycle, console, no snapshots). The matrix asks only for what the bed's
 * capabilities allow: {@link #prepare} and {@link #resume} with SNAPSHOT, plan9.ini lines with PLAN9INI,
 * blank disks with BLANK_DISKS.
 */
public interface TestBed {
    /** The model's name: the JUnit testsuite and classname. */
    String name();

    Set<Capability> capabilities();

    /** For skip reasons: "the real machine lab-3", "q35-ahci booting a disk image". */
    default String describe() {
        return name();
    }

    /**
     * Powers on, runs {@code s}, powers off; with the case's extra plan9.ini lines (PLAN9INI), blank
     * scratch disks (BLANK_DISKS) and file server (FILE_SERVER) when given.
     */
    RunResult run(Scenario s, TestCase.Fresh fresh, Progress parent);

    /** Powers on, runs the boot steps and saves the machine in {@code dir}. */
    Harness.SnapshotResult prepare(Scenario boot, Path dir, Progress parent);

    /** Starts from {@code snapshot} and runs {@code s}. */
    RunResult resume(Snapshot snapshot, Scenario s, Progress parent);
}
