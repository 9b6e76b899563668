package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading mkfiles the way mk does, on small mkfiles written here: no tree needed. */
class MkfileTest {
    @TempDir
    Path tree;

    private Path write(String rel, String text) throws Exception {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Mkfile read(Path mkfile) throws Exception {
        return Mkfile.read(mkfile, UnitPlan.absolute(tree), UnitPlan.HOST);
    }

    @Test
    void assignmentsContinuationsAndAppends() throws Exception {
        Path mk = write("sys/src/cmd/x/mkfile", """
                TARG=x
                OFILES=\\
                \ta.$O\\
                \tb.$O\\

                OFILES=$OFILES c.$O   # mk's own way to append
                OFILES+=d.$O
                HFILES=x.h\\
                \t../y/y.h
                CFLAGS=$CFLAGS -I../inc -DX
                """);
        Mkfile m = read(mk);
        assertEquals(List.of("a.o", "b.o", "c.o", "d.o"), m.words("OFILES"), "$O reads the host's o");
        assertEquals(List.of("x.h", "../y/y.h"), m.words("HFILES"));
        assertEquals(List.of("-I../inc", "-DX"), m.words("CFLAGS"));
        assertEquals(List.of("x"), m.words("TARG"));
        assertFalse(m.isSet("YFILES"));
    }

    @Test
    void includesAbsoluteAndRelativeFollowInOrderAndFixedVariablesStay() throws Exception {
        write("386/mkfile", "</sys/src/mkfile.proto\nCC=8c\nO=8\n");
        write("sys/src/mkfile.proto", "OS=8\nOFILES=\nYFLAGS=-d\n");
        write("sys/src/cmd/mkone", "YFLAGS=-d\n%.$O:\t%.c\n\t$CC $CFLAGS $stem.c\n");
        write("sys/src/cmd/cc/mkfile.port", "LIB=../cc/cc.a$O\nD=${T:%=%c}\n%.$O: ../cc/%.c\n\t$CC ../cc/$stem.c\n");
        Path mk = write("sys/src/cmd/6c/mkfile", """
                </$objtype/mkfile

                OFILES=cgen.$O pgen.$O
                T=6
                <../cc/mkfile.port
                </sys/src/cmd/mkone
                YFLAGS=-D1 -d
                <missing.mk
                """);
        Mkfile m = read(mk);
        assertEquals(List.of("cgen.o", "pgen.o"), m.words("OFILES"), "the proto's OFILES= came first");
        assertEquals(List.of("o"), m.words("O"), "O is fixed: 386/mkfile's O=8 does not apply");
        assertEquals(List.of("8c"), m.words("CC"));
        assertEquals(List.of("../cc/cc.ao"), m.words("LIB"));
        assertEquals(List.of("6c"), m.words("D"), "${T:%=%c}");
        assertEquals(List.of("-D1", "-d"), m.words("YFLAGS"), "the later assignment wins");
        assertEquals(List.of("missing.mk"), m.missingIncludes());
        assertEquals(4, m.filesRead().size() - 1, "mkfile, then 386/mkfile, mkfile.proto, mkfile.port, mkone");
        Mkfile.Rule meta = m.rules().stream().filter(r -> r.prereqs().contains("../cc/%.c")).findFirst().orElseThrow();
        assertEquals(List.of("%.o"), meta.targets());
        assertTrue(meta.isMeta());
        assertEquals(List.of("$CC ../cc/$stem.c"), meta.recipe(), "recipes stay verbatim for rc");
    }

    @Test
    void substitutionsBackquotesRulesAndComments() throws Exception {
        Path mk = write("sys/src/libc/port/mkfile", """
                CFILES=\\
                \tabs.c\\
                \trune.c\\

                ALLOFILES=${CFILES:%.c=%.$O}
                OFILES=\t`{rc ./reduce $O $objtype $ALLOFILES}
                GEN=runedata # generated
                QUOTED='a b' c
                $OFILES: $GEN
                $GEN:D:\t/lib/ucd/x.txt
                \t@{
                \t\t./$O.mkrunetype
                \t}
                """);
        Mkfile m = read(mk);
        assertEquals(List.of("abs.o", "rune.o"), m.words("ALLOFILES"));
        assertTrue(m.isComputed("OFILES"), "a backquoted command is not run");
        assertEquals(List.of(), m.words("OFILES"));
        assertEquals(List.of("runedata"), m.words("GEN"), "a comment ends the value");
        assertEquals(List.of("a b", "c"), m.words("QUOTED"));
        Mkfile.Rule gen = m.rules().get(1);
        assertEquals(List.of("runedata"), gen.targets());
        assertEquals("D", gen.attributes());
        assertEquals(List.of("/lib/ucd/x.txt"), gen.prereqs());
        assertEquals(List.of("@{", "./$O.mkrunetype", "}"), gen.recipe());
        assertEquals(List.of(), m.rules().get(0).targets(), "$OFILES was empty when the rule was read");
        assertEquals(List.of("x.o", "y.c"), Mkfile.substitute(List.of("x.c", "y.c"), "x.c", "x.o"),
                "a pattern without % replaces whole words");
    }

    @Test
    void expandingWithExtraVariablesForRecipes() throws Exception {
        Mkfile m = read(write("sys/src/cmd/mkfile", "YFLAGS=-d\nYACC=yacc\n"));
        assertEquals("yacc -d -o mpc.c -s mpc mpc.y",
                m.expand("$YACC $YFLAGS -o $stem.c -s $stem ${stem}.y", Map.of("stem", List.of("mpc"))));
    }
}
