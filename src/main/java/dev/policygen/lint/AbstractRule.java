package dev.policygen.lint;

/** Holds a rule's id, severity and summary so each rule class is only its check. */
public abstract class AbstractRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String summary;

    protected AbstractRule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String summary() {
        return summary;
    }
}
