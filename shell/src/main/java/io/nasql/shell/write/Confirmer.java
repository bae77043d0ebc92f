package io.nasql.shell.write;

/** Asks the user to confirm a bulk write; false when nobody can answer. */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(String question);

    /** Nobody to ask: batch mode without {@code --yes}. */
    Confirmer NOBODY = question -> false;
    /** {@code --yes}: the targets are still listed, then written. */
    Confirmer YES = question -> true;
}
