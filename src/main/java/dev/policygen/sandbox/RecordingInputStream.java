package dev.policygen.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps a copy of every byte read through it, so a request parsed for the call log can still be
 * forwarded exactly as the client sent it: header spelling, order and body untouched, which keeps
 * the client's SigV4 signature valid upstream.
 */
final class RecordingInputStream extends FilterInputStream {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    RecordingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            copy.write(buffer, offset, count);
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes would be missing from the copy; read them instead
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The bytes read since the last call, and a fresh start for the next request. */
    byte[] take() {
        byte[] bytes = copy.toByteArray();
        copy.reset();
        return bytes;
    }
}
