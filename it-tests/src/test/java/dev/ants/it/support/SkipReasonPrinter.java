package dev.ants.it.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped (an assumption such as "set ANTS_9FRONT_TREE ...") on the console:
 * Surefire only counts skipped tests, and a CI log should say what it would take to run them.
 */
public final class SkipReasonPrinter implements TestExecutionListener {
    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED || !id.isTest()) return;
        String why = result.getThrowable().map(Throwable::getMessage).orElse("no reason given");
        System.out.println("SKIPPED " + id.getLegacyReportingName() + ": " + why.replaceFirst("^Assumption failed: ", ""));
    }
}
