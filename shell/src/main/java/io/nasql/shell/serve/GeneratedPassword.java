package io.nasql.shell.serve;

import java.security.SecureRandom;

/** Random passwords for {@code nasql serve}: letters and digits that read unambiguously and paste into a URL as they are. */
public final class GeneratedPassword {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    public static String of(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
