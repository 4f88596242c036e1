package dev.policygen;

/** A 1-based line and column in a source text; {@link #UNKNOWN} for values built in code. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
