package dev.ants.harness.scenario;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.ProgressListener;
import dev.ants.harness.expect.CommandResult;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.ExpectException;
import dev.ants.harness.expect.FailureHit;
import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.expect.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a scenario's steps in order on a target. The first failing step ends the run (exit 1); later
 * steps are reported as skipped. The console closing because QEMU crashed is infrastructure (exit 3).
 */
public final class ScenarioRunner {
    private final ProgressListener progress;

    public ScenarioRunner(ProgressListener progress) {
        this.progress = progress == null ? ProgressListener.SILENT : progress;
    }

    /** Installs the scenario's failure patterns on the session; call before the guest prints anything. */
    public static void arm(Scenario s, ConsoleSession session) {
        for (FailurePattern p : s.patterns()) {
            if (!session.options().failurePatterns.contains(p)) session.addFailurePattern(p);
        }
    }

    public ScenarioOutcome run(Scenario s, Target target) {
        ConsoleSession session = target.session();
        List<StepResult> results = new ArrayList<>();
        List<Step> steps = s.steps();
        progress.phase("scenario " + s.name(), steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long t0 = System.nanoTime();
            String failKind = null;
            String reason = null;
            ExitCode code = ExitCode.CHECK_FAILED;
            String detail = null;
            try {
                detail = execute(step, s, target, session);
            } catch (ExpectException e) {
                failKind = e.kind().name();
                reason = e.getMessage();
                if (e.kind() == ExpectException.Kind.CONSOLE_CLOSED) {
                    String infra = target.infrastructureProblem();
                    if (infra != null) {
                        code = ExitCode.ENVIRONMENT;
                        failKind = "INFRASTRUCTURE";
                        reason = infra;
                    } else {
                        reason = "the console closed: the machine stopped (guest powered off?)";
                    }
                }
            } catch (AssertionFailed e) {
                failKind = "ASSERTION";
                reason = e.getMessage();
            } catch (AntsException e) {
                failKind = e.exitCode() == ExitCode.CHECK_FAILED ? "ASSERTION" : "INFRASTRUCTURE";
                code = e.exitCode();
                reason = e.getMessage();
            } catch (IOException e) {
                String infra = target.infrastructureProblem();
                failKind = infra != null ? "INFRASTRUCTURE" : "CONSOLE_CLOSED";
                code = infra != null ? ExitCode.ENVIRONMENT : ExitCode.CHECK_FAILED;
                reason = infra != null ? infra : "console I/O failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failKind = "INTERRUPTED";
                code = ExitCode.INTERRUPTED;
                reason = "interrupted";
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (failKind != null) {
                results.add(new StepResult(i + 1, step.describe(), "failed", ms, reason));
                for (int j = i + 1; j < steps.size(); j++) results.add(new StepResult(j + 1, steps.get(j).describe(), "skipped", 0, null));
                progress.endPhase();
                return new ScenarioOutcome(code, i + 1, step.describe(), failKind, reason, results, session.hits());
            }
            results.add(new StepResult(i + 1, step.describe(), "passed", ms, detail));
            progress.advance(i + 1, step.describe());
        }
        progress.endPhase();
        // ERROR-severity patterns do not stop the run, but they fail it.
        for (FailureHit h : session.hits()) {
            if (h.severity() == Severity.ERROR) {
                return new ScenarioOutcome(ExitCode.CHECK_FAILED, null, null, "FAILURE_PATTERN",
                        h.pattern() + " on the console: " + h.line(), results, session.hits());
            }
        }
        return new ScenarioOutcome(ExitCode.OK, null, null, null, null, results, session.hits());
    }

    private String execute(Step step, Scenario s, Target target, ConsoleSession session)
            throws IOException, InterruptedException {
        Duration dflt = s.timeout();
        if (step instanceof Step.Expect e) {
            var m = session.expectAny(List.of(Pattern.compile(e.regex())), or(e.timeout(), dflt), s.watchdog());
            return "matched '" + ConsoleSessionText.shorten(m.text()) + "'";
        } else if (step instanceof Step.Send snd) {
            if (snd.paced()) session.sendPaced(snd.text());
            else session.send(snd.text());
            return null;
        } else if (step instanceof Step.Run r) {
            CommandResult c = session.run(r.command(), s.shell(), or(r.timeout(), dflt));
            checkStatus(r, c, s.shell());
            if (r.output() != null && !Pattern.compile(r.output()).matcher(c.output()).find()) {
                throw new AssertionFailed("output of '" + r.command() + "' does not match '" + r.output() + "': "
                        + ConsoleSessionText.ends(c.output()));
            }
            return "status '" + c.status() + "', output " + ConsoleSessionText.shorten(c.output());
        } else if (step instanceof Step.FailOn f) {
            session.addFailurePattern(f.toPattern());
            return null;
        } else if (step instanceof Step.Reboot) {
            target.reboot();
            return null;
        } else if (step instanceof Step.Snapshot sn) {
            target.snapshot(sn.tag());
            return null;
        } else if (step instanceof Step.Restore rs) {
            target.restore(rs.tag());
            return null;
        } else if (step instanceof Step.Qmp q) {
            return "returned " + ConsoleSessionText.shorten(target.qmp(q.command(), q.arguments(), q.event(),
                    session.scaled(or(q.timeout(), dflt))));
        } else if (step instanceof Step.Sleep sl) {
            session.hold(sl.duration());
            return null;
        }
        throw new IllegalStateException("unknown step " + step);
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
                    + (want.equals("0") ? "success" : "'" + want + "'") + "; output: " + ConsoleSessionText.shorten(c.output()));
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

    static final class ConsoleSessionText {
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
