package dev.ants.harness;

import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.Shard;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.harness.suite.TestCase;
import dev.ants.harness.suite.TestSuite;

import java.nio.file.Path;
import java.util.List;

/**
 * The older matrix form, kept for its callers: every model x every scenario on one guest, as one suite
 * named {@code suite} whose cases are the scenarios. Prefer {@link TestPlan} with suite files.
 *
 * @param bootScenario when set, each model boots once with it, is snapshotted, and every scenario resumes
 *                     from that snapshot; null boots per scenario
 */
public record TestRequest(String suite, List<HardwareModel> models, List<Scenario> scenarios, Guest guest,
                          Scenario bootScenario, Accel accel, double timeoutScale, int jobs, Shard shard,
                          Path reportDir, boolean keep) {

    public TestPlan toPlan() {
        List<TestCase> cases = scenarios.stream().map(s -> new TestCase(s.name(), s)).toList();
        return TestPlan.builder(suite, reportDir).models(models).guest(guest).accel(accel).timeoutScale(timeoutScale)
                .jobs(jobs).shard(shard).keep(keep)
                .suite(SuiteSource.of(new TestSuite(suite, bootScenario, cases, "scenarios"))).build();
    }
}
