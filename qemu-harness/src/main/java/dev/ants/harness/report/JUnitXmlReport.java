package dev.ants.harness.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML in the shape Maven Surefire writes (one {@code <testsuite>} per file; {@code classname} the
 * hardware model, {@code name} the scenario), which Jenkins, GitLab and GitHub reporters all read.
 * Failed runs are {@code <failure>}, infrastructure problems {@code <error>}.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static void write(String suiteName, List<RunResult> results, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                w.writeStartDocument("UTF-8", "1.0");
                w.writeCharacters("\n");
                long failures = results.stream().filter(r -> r.exitCode() == 1).count();
                long errors = results.stream().filter(r -> r.exitCode() != 0 && r.exitCode() != 1).count();
                double total = results.stream().mapToDouble(RunResult::seconds).sum();
                w.writeStartElement("testsuite");
                w.writeAttribute("name", suiteName);
                w.writeAttribute("tests", Integer.toString(results.size()));
                w.writeAttribute("failures", Long.toString(failures));
                w.writeAttribute("errors", Long.toString(errors));
                w.writeAttribute("skipped", "0");
                w.writeAttribute("time", secs(total));
                w.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                w.writeCharacters("\n");
                for (RunResult r : results) testcase(w, r);
                w.writeEndElement();
                w.writeCharacters("\n");
                w.writeEndDocument();
                w.close();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void testcase(XMLStreamWriter w, RunResult r) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testcase");
        w.writeAttribute("name", r.scenario());
        w.writeAttribute("classname", "ants." + r.model());
        w.writeAttribute("time", secs(r.seconds()));
        if (!r.passed()) {
            w.writeCharacters("\n    ");
            w.writeStartElement(r.exitCode() == 1 ? "failure" : "error");
            String msg = (r.failedStepLabel() != null ? "step " + r.failedStep() + " (" + r.failedStepLabel() + "): " : "") + r.reason();
            w.writeAttribute("message", clean(msg));
            w.writeAttribute("type", r.failureKind() == null ? r.status() : r.failureKind());
            StringBuilder body = new StringBuilder(msg).append("\n\nlast console lines:\n");
            if (r.lastConsoleLines() != null) r.lastConsoleLines().forEach(l -> body.append("  ").append(l).append('\n'));
            if (r.artifacts() != null && !r.artifacts().isEmpty()) {
                body.append("\nartifacts:\n");
                r.artifacts().forEach((k, v) -> body.append("  ").append(k).append(": ").append(v).append('\n'));
            }
            w.writeCharacters(clean(body.toString()));
            w.writeEndElement();
            w.writeCharacters("\n  ");
        }
        if (r.artifacts() != null && r.artifacts().containsKey("transcript")) {
            // Surefire's attachment convention, understood by the Jenkins JUnit attachments plugin
            w.writeStartElement("system-out");
            w.writeCharacters("[[ATTACHMENT|" + r.artifacts().get("transcript") + "]]");
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** XML 1.0 cannot carry most control characters; consoles are full of them. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
    }
}
