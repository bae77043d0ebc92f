package io.nasql.db;

import java.util.regex.Pattern;

/** JDBC URLs as messages may show them: a password in the URL is never printed. */
final class Urls {
    private static final Pattern PASSWORD = Pattern.compile("(?i)((?:[?&;]|^)password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^/@]*@");

    private Urls() {
    }

    static String masked(String url) {
        String masked = PASSWORD.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
