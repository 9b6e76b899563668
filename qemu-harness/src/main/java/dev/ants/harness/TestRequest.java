package dev.ants.harness;

import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.Shard;
import dev.ants.harness.scenario.Scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A test matrix: every model x every scenario, on one guest.
 *
 * @param bootScenario when set, each model boots once with it, is snapshotted, and every scenario resumes
 *                     from that snapshot (much faster than a boot per scenario); null boots per scenario
 * @param jobs         guests run in parallel (per model when snapshots are used)
 * @param reportDir    gets TEST-{suite}.xml, results/*.json, summary.json and the kept runs of failures
 */
public record TestRequest(String suite, List<HardwareModel> models, List<Scenario> scenarios, Guest guest,
                          Scenario bootScenario, Accel accel, double timeoutScale, int jobs, Shard shard,
                          Path reportDir, boolean keep) {
}
