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
 */
public final class InputFiles {
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

    private static byte[] bytes(Path file, long offset, String what) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(file.toString(), message(what, reason(e)), e);
        }
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
