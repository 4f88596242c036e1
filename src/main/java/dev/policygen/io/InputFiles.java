package dev.policygen.io;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading a file a user named (a policy, a config, a call log) into memory, failing with an
 * {@link InputException} worded one way everywhere: {@code FILE: cannot read WHAT: REASON}, the
 * reason being "no such file", "permission denied" or the system's own words. Every such read goes
 * through {@link #bytes}, the one place a limit on input size belongs.
 *
 * <p>No input may exceed {@link #MAX_BYTES} (16 MiB): the largest policy IAM accepts is 10,240
 * characters and a CloudFormation template at most 1 MB, so 16 MiB leaves room for large Terraform
 * plans and renew configs while a parsed tree of it stays well inside a default heap. Without a limit
 * an endless input ({@code /dev/zero}, a FIFO) ran the JVM out of memory; with it, reading stops one
 * byte past the limit and fails with one line naming the file and the limit.
 */
public final class InputFiles {
    /** The most bytes any input file or standard input may have. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** {@link #MAX_BYTES} as messages and the README say it. */
    public static final String MAX_TEXT = "16 MiB";

    private InputFiles() {
    }

    /** The file's text as UTF-8; {@code what} names it in messages ("policy", "the renew config"), or is empty. */
    public static String read(Path file, String what) throws InputException {
        return read(file, what, StandardCharsets.UTF_8);
    }

    public static String read(Path file, String what, Charset charset) throws InputException {
        return text(file.toString(), bytes(file, 0, what), charset);
    }

    /**
     * {@code bytes} as text in {@code charset}, refusing bytes that are not that encoding: decoding
     * them into U+FFFD would silently change names and values (and the JDK's own error says only
     * "Input length = 1"). {@code source} names the input in the message ("-" for standard input).
     */
    public static String text(String source, byte[] bytes, Charset charset) throws InputException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                (long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InputException(source, SourcePosition.UNKNOWN,
                    "not valid " + charset.name() + " at byte offset " + in.position());
        }
        return out.flip().toString();
    }

    /** As {@link #read(Path, String)} for a path as the user typed it, which may not even be a valid path. */
    public static String read(String file, String what) throws InputException {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InputException(file, message(what, e.getMessage()), e);
        }
        return read(path, what);
    }

    /** The file's text (UTF-8) from byte {@code offset} on, for files that are appended to. */
    public static String readFrom(Path file, long offset, String what) throws InputException {
        return text(file.toString(), bytes(file, offset, what), StandardCharsets.UTF_8);
    }

    public static byte[] readBytes(Path file, String what) throws InputException {
        return bytes(file, 0, what);
    }

    /**
     * The text (UTF-8) of an input stream, standard input for {@code lint -}, within the same limit;
     * {@code source} names it in messages.
     */
    public static String read(InputStream in, String source, String what) throws InputException {
        try {
            return text(source, bounded(in, source, what), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(source, message(what, reason(e)), e);
        }
    }

    private static byte[] bytes(Path file, long offset, String what) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return bounded(in, file.toString(), what);
        } catch (IOException e) {
            throw new InputException(file.toString(), message(what, reason(e)), e);
        }
    }

    /** At most {@link #MAX_BYTES}: one byte more is read only to learn that there is more. */
    private static byte[] bounded(InputStream in, String source, String what) throws IOException, InputException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InputException(source, message(what, "larger than " + MAX_TEXT + ", the limit for an input"),
                    null);
        }
        return bytes;
    }

    private static String message(String what, String reason) {
        return "cannot read" + (what.isEmpty() ? "" : " " + what) + ": " + reason;
    }

    /** The reason in a few words; the exception's own message repeats the path, which the message already names. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
