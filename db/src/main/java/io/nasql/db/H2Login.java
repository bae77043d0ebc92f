package io.nasql.db;

/** The URL (with the settings it was opened with) and password of an H2 inventory; never printed. */
public record H2Login(String url, String password) {
    @Override
    public String toString() {
        return "H2Login[" + Secrets.mask(url) + "]";
    }
}
