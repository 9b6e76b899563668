package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every --set input either becomes exactly one well-formed plan9.ini line or is refused as bad input
 * (exit 2) with a fix: never another exception, never a line 9boot would misread.
 */
class Plan9IniPropertyTest {
    private static final String ALPHABET = "abcAZ019*_.-=[]# \t\n\r\u0000\u0007\u007f\u00e9é'\"$;/\\";

    @ParameterizedTest
    @ValueSource(strings = {"key=", "[menu]=x", "#c=x", "=x", "a b=c", "x=\u0001y", "x=a\nb", "*=1", "9lives=1", "ke y=v"})
    void malformedSettingsAreBadInputWithAFix(String s) {
        AntsException e = assertThrows(AntsException.class, () -> Plan9Ini.text("9pc64", List.of(s)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.hint().isEmpty(), "the error says how to fix it");
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aFiveThousandCharacterValueIsRefused() {
        AntsException e = assertThrows(AntsException.class, () -> Plan9Ini.text("9pc64", List.of("x=" + "v".repeat(5000))));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    @Test
    void randomInputsParseToOneCleanLineOrAreRefused() {
        Random r = new Random(20261201L);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            if (r.nextBoolean()) b.append("console=");
            int n = r.nextInt(12);
            for (int j = 0; j < n; j++) b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            String s = b.toString();
            String text;
            try {
                text = Plan9Ini.text("9pc64", List.of(s));
            } catch (AntsException e) {
                assertEquals(ExitCode.BAD_INPUT, e.exitCode(), s);
                continue;
            }
            accepted++;
            String[] kv = Plan9Ini.parse(s);
            assertTrue(text.contains("\n" + kv[0] + "=" + kv[1] + "\n") || text.startsWith(kv[0] + "=" + kv[1] + "\n"), s);
            for (String line : text.split("\n")) {
                assertTrue(line.matches("\\*?[A-Za-z][A-Za-z0-9_.-]*=[^\\p{Cntrl}]+"), "clean line: " + line);
            }
        }
        assertTrue(accepted > 100, "the generator also makes valid settings: " + accepted);
    }
}
