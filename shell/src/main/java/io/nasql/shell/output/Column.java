package io.nasql.shell.output;

/** A result column: its label as the user wrote it, and how its values print. */
public record Column(String label, Kind kind) {

    public enum Kind { TEXT, NUMBER, BOOLEAN, JSON, TIME }
}
