package dev.ants.flash.image;

import dev.ants.flash.Span;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QemuImgMapTest {
    @Test
    void readsQemuImgsJson() {
        // as qemu-img 7.2 prints it for a qcow2 file with one compressed cluster run (no offset) and a hole
        String out = """
                [{ "start": 0, "length": 65536, "depth": 0, "present": true, "zero": false, "data": true, "offset": 327680},
                { "start": 65536, "length": 131072, "depth": 0, "present": true, "zero": false, "data": true, "compressed": true},
                { "start": 196608, "length": 41746432, "depth": 0, "present": false, "zero": true, "data": false}]
                """;
        QemuImgMap m = QemuImgMap.parse("WARNING: something first\n" + out);
        assertEquals(3, m.entries().size());
        QemuImgMap.Entry a = m.entries().get(0);
        assertEquals(new Span(0, 65536), a.span());
        assertTrue(a.data());
        assertEquals(327680, a.offset());
        assertEquals(-1, m.entries().get(1).offset(), "compressed clusters have no offset");
        assertFalse(m.entries().get(2).data());
        assertTrue(m.entries().get(2).zero());
    }

    @Test
    void refusesWhatIsNotAMap() {
        assertThrows(IllegalArgumentException.class, () -> QemuImgMap.parse("qemu-img: Could not open 'x'"));
        assertThrows(IllegalArgumentException.class, () -> QemuImgMap.parse("[{ \"depth\": 0 }]"));
    }
}
