package dev.policygen.renew.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T16:00:00.734Z"), ZoneOffset.UTC);
    private final StringWriter text = new StringWriter();

    private RenewLog log(RenewLog.Format format) {
        return new RenewLog(new PrintWriter(text), format, CLOCK);
    }

    @Test
    void writesKeyValueLines() {
        RenewLog log = log(RenewLog.Format.TEXT);
        log.info("order.created", "cert", "www", "names", 2);
        log.warn("dns.slow", "zone", "Z1", "waited", Duration.ofSeconds(30));
        log.error("cert.failed", "cert", "api", "ok", false);
        assertEquals("time=2026-11-21T16:00:00Z level=info event=order.created cert=www names=2\n"
                + "time=2026-11-21T16:00:00Z level=warn event=dns.slow zone=Z1 waited=PT30S\n"
                + "time=2026-11-21T16:00:00Z level=error event=cert.failed cert=api ok=false\n", text.toString());
    }

    @Test
    void quotesValuesThatAreNotOnePlainWord() {
        assertEquals("plain-word.example.com", RenewLog.textValue("plain-word.example.com"));
        assertEquals("\"\"", RenewLog.textValue(""));
        assertEquals("\"\"", RenewLog.textValue(null));
        assertEquals("\"two words\"", RenewLog.textValue("two words"));
        assertEquals("\"a=b\"", RenewLog.textValue("a=b"));
        assertEquals("\"say \\\"hi\\\"\"", RenewLog.textValue("say \"hi\""));
        assertEquals("\"back\\\\slash\"", RenewLog.textValue("back\\slash"));
        assertEquals("\"line\\nbreak\\r\\ttab\"", RenewLog.textValue("line\nbreak\r\ttab"));
        assertEquals("\"bell\\u0007\"", RenewLog.textValue("bell\u0007"));
        assertEquals("\"\\\"\"", RenewLog.textValue("\""));
    }

    @Test
    void aMessageWithANewlineStaysOnOneLine() {
        log(RenewLog.Format.TEXT).error("cert.failed", "error", "first\nsecond");
        assertEquals(1, text.toString().split("\n").length);
        assertTrue(text.toString().endsWith("error=\"first\\nsecond\"\n"));
    }

    @Test
    void writesJsonLinesWithNumbersAndBooleansUnquoted() throws Exception {
        RenewLog log = log(RenewLog.Format.JSON);
        log.info("order.created", "cert", "www", "names", 2, "dry", true, "ratio", 0.5, "none", null,
                "expiry", Optional.of(Instant.parse("2027-02-19T16:00:00Z")), "absent", Optional.empty(),
                "odd", "quote \" and \\ and\nnewline", "nan", Double.NaN);
        String line = text.toString();
        assertEquals("{\"time\":\"2026-11-21T16:00:00Z\",\"level\":\"info\",\"event\":\"order.created\","
                + "\"cert\":\"www\",\"names\":2,\"dry\":true,\"ratio\":0.5,\"none\":null,"
                + "\"expiry\":\"2027-02-19T16:00:00Z\",\"absent\":null,"
                + "\"odd\":\"quote \\\" and \\\\ and\\nnewline\",\"nan\":\"NaN\"}\n", line);
        JsonNode.JsonObject parsed = (JsonNode.JsonObject) JsonReader.read(line, "log");
        assertEquals("quote \" and \\ and\nnewline", ((JsonNode.JsonString) parsed.get("odd").get()).value());
    }

    @Test
    void rejectsUnpairedOrOddKeys() {
        RenewLog log = log(RenewLog.Format.TEXT);
        assertThrows(IllegalArgumentException.class, () -> log.info("e", "cert"));
        assertThrows(IllegalArgumentException.class, () -> log.info("e", "two words", 1));
        assertThrows(IllegalArgumentException.class, () -> log.info("e", 3, 1));
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        RenewLog log = log(RenewLog.Format.TEXT);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String cert = "cert" + t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    log.info("step", "cert", cert, "i", i, "note", "some words here");
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        String[] lines = text.toString().split("\n");
        assertEquals(4000, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("time=\\S+ level=info event=step cert=cert\\d i=\\d+ note=\"some words here\""),
                    line);
        }
    }

    @Test
    void clearsAndRedrawsTheProgressLineAroundEachLogLine() {
        StringWriter terminal = new StringWriter();
        Progress progress = new Progress(new PrintWriter(terminal), true);
        RenewLog log = new RenewLog(new PrintWriter(terminal), RenewLog.Format.TEXT, CLOCK);
        log.showAbove(progress);
        progress.start(2);
        log.info("hello");
        assertEquals("\rrenew: 0/2 certificates done\033[K"
                + "\r\033[K"
                + "time=2026-11-21T16:00:00Z level=info event=hello\n"
                + "\rrenew: 0/2 certificates done\033[K", terminal.toString());
    }
}
