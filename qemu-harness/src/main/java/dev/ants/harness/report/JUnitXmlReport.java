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
 * JUnit XML in the shape Maven Surefire writes: one {@code <testsuite>} per file, named after the
 * hardware model, which is also every test case's {@code classname}; the case's {@code name} is
 * {@code suite.check} or {@code suite.case}, so CI shows {@code q35-ahci › nswrite.bind-b-is-before}.
 * Failed checks are {@code <failure>}, infrastructure problems {@code <error>}, skipped models and cases
 * {@code <skipped message="why"/>}. Jenkins, GitLab and GitHub reporters all read it.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    /** Writes {@code cases} (all of one model) as testsuite {@code suiteName}, whole or not at all. */
    public static void write(String suiteName, List<TestCaseResult> cases, double seconds, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                w.writeStartDocument("UTF-8", "1.0");
                w.writeCharacters("\n");
                w.writeStartElement("testsuite");
                w.writeAttribute("name", suiteName);
                w.writeAttribute("tests", Integer.toString(cases.size()));
                w.writeAttribute("failures", count(cases, RunStatus.FAILED));
                w.writeAttribute("errors", Long.toString(cases.stream().filter(c -> c.bad() && c.status() != RunStatus.FAILED).count()));
                w.writeAttribute("skipped", count(cases, RunStatus.SKIPPED));
                w.writeAttribute("time", secs(seconds));
                w.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                w.writeCharacters("\n");
                for (TestCaseResult c : cases) testcase(w, c);
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

    private static String count(List<TestCaseResult> cases, RunStatus s) {
        return Long.toString(cases.stream().filter(c -> c.status() == s).count());
    }

    private static void testcase(XMLStreamWriter w, TestCaseResult c) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testcase");
        w.writeAttribute("name", clean(c.name()));
        w.writeAttribute("classname", clean(c.model()));
        w.writeAttribute("time", secs(c.seconds()));
        if (c.status() == RunStatus.SKIPPED) {
            w.writeCharacters("\n    ");
            w.writeEmptyElement("skipped");
            w.writeAttribute("message", clean(c.message()));
            w.writeCharacters("\n  ");
        } else if (c.bad()) {
            w.writeCharacters("\n    ");
            w.writeStartElement(c.status() == RunStatus.FAILED ? "failure" : "error");
            w.writeAttribute("message", clean(c.message()));
            w.writeAttribute("type", c.kind() == null ? c.status().json() : c.kind().name());
            w.writeCharacters(clean(FailureText.of(c)));
            w.writeEndElement();
            w.writeCharacters("\n  ");
        }
        if (c.artifacts().containsKey("transcript")) {
            // Surefire's attachment convention, understood by the Jenkins JUnit attachments plugin
            w.writeStartElement("system-out");
            w.writeCharacters("[[ATTACHMENT|" + c.artifacts().get("transcript") + "]]");
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
