package dev.policygen.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * Standard output as the commands' writer, remembering why a write failed. A {@link PrintWriter}
 * (and {@code System.out}) swallows write errors, so {@code policygen ... > /dev/full} used to exit 0
 * with nothing written; {@link Main#checked} asks {@link #checkError()} after every command, and
 * this class supplies the system's reason ("No space left on device") for the one-line error.
 */
final class StandardOutput extends PrintWriter {
    private final FailureRecorder recorder;

    private StandardOutput(FailureRecorder recorder) {
        super(new OutputStreamWriter(recorder), true);
        this.recorder = recorder;
    }

    /** The process's file descriptor 1, not through {@code System.out}, which would hide the reason. */
    static StandardOutput open() {
        return new StandardOutput(new FailureRecorder(new FileOutputStream(FileDescriptor.out)));
    }

    /** The first write failure's reason, or null. */
    String failure() {
        IOException failure = recorder.failure;
        if (failure == null) {
            return null;
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** Passes writes on and keeps the first exception, which the writer above only turns into a flag. */
    private static final class FailureRecorder extends OutputStream {
        private final OutputStream out;
        private IOException failure;

        FailureRecorder(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
