package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a compiler's {@code enam.c} (the opcode name table) from its {@code N.out.h}, the job of
 * the tree's {@code mkenam} ed script, which cannot run before the host toolchain exists: every line
 * starting with a tab and {@code A} names an opcode; the name is what follows the {@code A} up to the
 * first space, without trailing commas.
 */
final class EnumNames {
    private EnumNames() {
    }

    static void generate(Path header, Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("char*\tanames[] =");
        lines.add("{");
        for (String l : Files.readAllLines(header)) {
            if (!l.startsWith("\tA")) continue;
            String s = "\t\"" + l.substring(2);
            int sp = s.indexOf(' ');
            if (sp >= 0) s = s.substring(0, sp);
            s = s.replaceAll(",*$", "") + "\",";
            lines.add(s);
        }
        lines.add("};");
        Files.write(out, lines);
    }
}
