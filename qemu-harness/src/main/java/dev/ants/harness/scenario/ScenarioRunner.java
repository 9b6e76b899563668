package dev.ants.harness.scenario;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.harness.expect.CommandResult;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.ExpectException;
import dev.ants.harness.expect.FailureHit;
import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.expect.Shell;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.target.Capability;
import dev.ants.harness.target.MissingCapability;
import dev.ants.harness.target.Target;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a scenario's steps in order on a target. The first failing step ends the run (exit 1); later
 * steps are reported as skipped. A step that needs a capability the target lacks is skipped with the
 * reason and the run goes on. Failed checks ({@code checks: true}) do not stop the run, but fail it at
 * the end. The console closing because QEMU crashed is infrastructure (exit 3).
 */
public final class ScenarioRunner {
    private final Progress progress;

    public ScenarioRunner(Progress progress) {
        this.progress = progress == null ? Progress.SILENT : progress;
    }

    /** Installs the scenario's failure patterns on the session; call before the guest prints anything. */
    public static void arm(Scenario s, ConsoleSession session) {
        for (FailurePattern p : s.patterns()) {
            if (!session.options().failurePatterns.contains(p)) session.addFailurePattern(p);
        }
    }

    public ScenarioOutcome run(Scenario s, Target target) {
        try (Progress p = progress.child("scenario " + s.name(), s.steps().size())) {
            return run(s, target, p);
        }
    }

    private record Failure(ExitCode code, FailureKind kind, String reason) {
    }

    private ScenarioOutcome run(Scenario s, Target target, Progress progress) {
        ConsoleSession session = target.session();
        List<StepResult> results = new ArrayList<>();
        List<Step> steps = s.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Capability needs = step.requires();
            if (needs != null && !target.can(needs)) {
                results.add(new StepResult(i + 1, step.describe(), StepResult.Status.SKIPPED, 0,
                        new MissingCapability(needs, target.describe()).getMessage()));
                progress.advance(i + 1, step.describe() + " (skipped)");
                continue;
            }
            long t0 = System.nanoTime();
            long mark = session.mark();
            Failure f = null;
            String detail = null;
            List<Check> checks = List.of();
            try {
                if (step instanceof Step.Run r) {
                    CommandResult c = session.run(r.command(), s.shell(), or(r.timeout(), s.timeout()));
                    if (r.checks()) checks = Check.parse(c.output());
                    detail = verify(r, c, s.shell(), checks);
                } else {
                    detail = execute(step, s, target, session);
                }
            } catch (ExpectException e) {
                f = expectFailure(e, target);
            } catch (AssertionFailed e) {
                f = new Failure(ExitCode.CHECK_FAILED, FailureKind.ASSERTION, e.getMessage());
            } catch (MissingCapability e) {
                f = new Failure(ExitCode.CHECK_FAILED, FailureKind.ASSERTION, e.getMessage());
            } catch (AntsException e) {
                f = new Failure(e.exitCode(), e.exitCode() == ExitCode.CHECK_FAILED ? FailureKind.ASSERTION : FailureKind.INFRASTRUCTURE,
                        e.getMessage());
            } catch (IOException e) {
                String infra = target.infrastructureProblem();
                f = infra != null ? new Failure(ExitCode.ENVIRONMENT, FailureKind.INFRASTRUCTURE, infra)
                        : new Failure(ExitCode.CHECK_FAILED, FailureKind.CONSOLE_CLOSED, "console I/O failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f = new Failure(ExitCode.INTERRUPTED, FailureKind.INTERRUPTED, "interrupted");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (f != null) {
                // A checks step cut short still reports the checks its output got to.
                List<Check> partial = step instanceof Step.Run r && r.checks() ? Check.parse(session.textSince(mark)) : List.of();
                results.add(new StepResult(i + 1, step.describe(), StepResult.Status.FAILED, ms, f.reason(), partial));
                for (int j = i + 1; j < steps.size(); j++) {
                    results.add(new StepResult(j + 1, steps.get(j).describe(), StepResult.Status.SKIPPED, 0, "an earlier step failed"));
                }
                return new ScenarioOutcome(f.code(), i + 1, step.describe(), f.kind(), f.reason(), results, session.hits());
            }
            results.add(new StepResult(i + 1, step.describe(), StepResult.Status.PASSED, ms, detail, checks));
            progress.advance(i + 1, step.describe());
        }
        List<String> failed = results.stream().flatMap(r -> r.checks().stream())
                .filter(c -> c.status() == Check.Status.FAILED).map(Check::name).toList();
        if (!failed.isEmpty()) {
            return new ScenarioOutcome(ExitCode.CHECK_FAILED, null, null, FailureKind.CHECKS,
                    failed.size() + " check(s) failed: " + String.join(", ", failed), results, session.hits());
        }
        // ERROR-severity patterns do not stop the run, but they fail it.
        for (FailureHit h : session.hits()) {
            if (h.severity() == Severity.ERROR) {
                return new ScenarioOutcome(ExitCode.CHECK_FAILED, null, null, FailureKind.FAILURE_PATTERN,
                        h.pattern() + " on the console: " + h.line(), results, session.hits());
            }
        }
        return new ScenarioOutcome(ExitCode.OK, null, null, null, null, results, session.hits());
    }

    private static Failure expectFailure(ExpectException e, Target target) {
        if (e.kind() == ExpectException.Kind.CONSOLE_CLOSED) {
            String infra = target.infrastructureProblem();
            if (infra != null) return new Failure(ExitCode.ENVIRONMENT, FailureKind.INFRASTRUCTURE, infra);
            if (!"interrupted".equals(e.getMessage())) {
                return new Failure(ExitCode.CHECK_FAILED, FailureKind.CONSOLE_CLOSED, "the console closed: the machine stopped (guest powered off?)");
            }
            return new Failure(ExitCode.INTERRUPTED, FailureKind.INTERRUPTED, "interrupted");
        }
        return new Failure(ExitCode.CHECK_FAILED, FailureKind.of(e.kind()), e.getMessage());
    }

    private String execute(Step step, Scenario s, Target target, ConsoleSession session)
            throws IOException, InterruptedException {
        if (step instanceof Step.Expect e) {
            var m = session.expectAny(List.of(Pattern.compile(e.regex())), or(e.timeout(), s.timeout()), s.watchdog());
            return "matched '" + Text.shorten(m.text()) + "'";
        } else if (step instanceof Step.Send snd) {
            if (snd.paced()) session.sendPaced(snd.text());
            else session.send(snd.text());
        } else if (step instanceof Step.FailOn f) {
            session.addFailurePattern(f.toPattern());
        } else if (step instanceof Step.Reboot) {
            target.cycle();
        } else if (step instanceof Step.Snapshot sn) {
            target.snapshot(sn.tag());
        } else if (step instanceof Step.Restore rs) {
            target.restore(rs.tag());
        } else if (step instanceof Step.DeviceDel d) {
            target.deviceDel(d.id());
        } else if (step instanceof Step.Sleep sl) {
            session.hold(sl.duration());
        } else {
            throw new IllegalStateException("unknown step " + step);
        }
        return null;
    }

    /** Status and output of a run step; checks steps say how many checks they saw. */
    private static String verify(Step.Run r, CommandResult c, Shell shell, List<Check> checks) {
        checkStatus(r, c, shell);
        if (r.output() != null && !Pattern.compile(r.output()).matcher(c.output()).find()) {
            throw new AssertionFailed("output of '" + r.command() + "' does not match '" + r.output() + "': " + Text.ends(c.output()));
        }
        if (r.checks() && checks.isEmpty()) {
            throw new AssertionFailed("'" + r.command() + "' printed no check lines (ok NAME, FAIL NAME: why, skip NAME: why): "
                    + Text.ends(c.output()));
        }
        if (r.checks()) {
            long bad = checks.stream().filter(k -> k.status() == Check.Status.FAILED).count();
            return checks.size() + " checks, " + bad + " failed";
        }
        return "status '" + c.status() + "', output " + Text.shorten(c.output());
    }

    /** status: omitted or 0 = success; any; fail (or !0) = not success; else the exact status text. */
    private static void checkStatus(Step.Run r, CommandResult c, Shell shell) {
        String want = r.status() == null ? "0" : r.status().trim();
        boolean ok = switch (want) {
            case "any" -> true;
            case "0", "''", "" -> c.success();
            case "fail", "!0" -> !c.success();
            default -> c.status().equals(want) || (shell == Shell.RC && c.status().endsWith(want));
        };
        if (!ok) {
            throw new AssertionFailed("'" + r.command() + "' exited with status '" + c.status() + "', expected "
                    + (want.equals("0") ? "success" : "'" + want + "'") + "; output: " + Text.shorten(c.output()));
        }
    }

    private static Duration or(Duration d, Duration dflt) {
        return d != null ? d : dflt;
    }

    /** A step's check did not hold. */
    static final class AssertionFailed extends RuntimeException {
        AssertionFailed(String m) {
            super(m);
        }
    }

    static final class Text {
        static String shorten(String s) {
            String one = s.replace("\r", "").replace("\n", "\\n");
            return one.length() <= 200 ? "'" + one + "'" : "'" + one.substring(0, 200) + "...'";
        }

        /** Start and end of a long output: a script's verdict is usually its last line. */
        static String ends(String s) {
            String one = s.replace("\r", "").replace("\n", "\\n");
            return one.length() <= 300 ? "'" + one + "'"
                    : "'" + one.substring(0, 100) + " ... " + one.substring(one.length() - 200) + "'";
        }
    }
}
