package dev.policygen.renew.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.report.Summary.Outcome;
import dev.policygen.renew.report.Summary.Row;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static final Instant EXPIRY = Instant.parse("2027-02-19T16:00:00Z");

    private static Summary filled(RenewLog.Format format) {
        Summary summary = new Summary(format);
        summary.add(new Row("www", Outcome.RENEWED, Optional.of(EXPIRY), "iam server certificate www-20261121T160000Z"));
        summary.add(new Row("api-long-name", Outcome.FAILED, Optional.empty(), "Route 53 denied\nthe change"));
        summary.add(new Row("mail", Outcome.SKIPPED, Optional.of(EXPIRY), ""));
        return summary;
    }

    private static String print(Summary summary) {
        StringWriter out = new StringWriter();
        summary.print(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void printsAnAlignedTableSortedByCertificate() {
        assertEquals(""
                + "CERTIFICATE    OUTCOME  EXPIRY                DETAIL\n"
                + "api-long-name  failed   -                     Route 53 denied the change\n"
                + "mail           skipped  2027-02-19T16:00:00Z\n"
                + "www            renewed  2027-02-19T16:00:00Z  iam server certificate www-20261121T160000Z\n",
                print(filled(RenewLog.Format.TEXT)));
    }

    @Test
    void printsOneJsonLinePerCertificate() {
        assertEquals(""
                + "{\"event\":\"summary\",\"certificate\":\"api-long-name\",\"outcome\":\"failed\",\"expiry\":null,"
                + "\"detail\":\"Route 53 denied\\nthe change\"}\n"
                + "{\"event\":\"summary\",\"certificate\":\"mail\",\"outcome\":\"skipped\","
                + "\"expiry\":\"2027-02-19T16:00:00Z\",\"detail\":\"\"}\n"
                + "{\"event\":\"summary\",\"certificate\":\"www\",\"outcome\":\"renewed\","
                + "\"expiry\":\"2027-02-19T16:00:00Z\",\"detail\":\"iam server certificate www-20261121T160000Z\"}\n",
                print(filled(RenewLog.Format.JSON)));
    }

    @Test
    void tellsWhetherAnyCertificateFailed() {
        assertTrue(filled(RenewLog.Format.TEXT).anyFailed());
        Summary fine = new Summary(RenewLog.Format.TEXT);
        fine.add(new Row("www", Outcome.SKIPPED, Optional.empty(), null));
        assertFalse(fine.anyFailed());
        assertEquals("", fine.rows().get(0).detail());
    }
}
