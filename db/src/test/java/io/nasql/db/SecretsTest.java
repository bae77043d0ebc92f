package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void masksH2Passwords() {
        assertThat(Secrets.mask("inventory jdbc:h2:file:/x/google;PASSWORD=hunter2secret;AUTO_SERVER=TRUE is locked"))
                .isEqualTo("inventory jdbc:h2:file:/x/google;PASSWORD=***;AUTO_SERVER=TRUE is locked");
        assertThat(Secrets.mask("jdbc:h2:file:/x/google;password=hunter2secret"))
                .isEqualTo("jdbc:h2:file:/x/google;password=***");
    }

    @Test
    void masksPostgresqlPasswordsInParametersAndUserInfo() {
        assertThat(Secrets.mask("jdbc:postgresql://db.example:5432/nasql?user=me&password=s3cr%21t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example:5432/nasql?user=me&password=***&ssl=true");
        assertThat(Secrets.mask("cannot connect to postgresql://me:s3cr%21t@db.example/nasql: refused"))
                .isEqualTo("cannot connect to postgresql://me:***@db.example/nasql: refused");
        assertThat(Secrets.mask("jdbc:postgresql://db/nasql?sslpassword=abc")).isEqualTo("jdbc:postgresql://db/nasql?sslpassword=***");
    }

    @Test
    void masksKeysAndTokens() {
        String key = "{\"type\": \"service_account\", \"private_key_id\": \"abc123\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----\\n\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}";
        String masked = Secrets.mask(key);
        assertThat(masked).doesNotContain("MIIEvQIBADAN").doesNotContain("abc123").contains("a@b.iam.gserviceaccount.com");
        assertThat(Secrets.mask("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo("-----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY-----");
        assertThat(Secrets.mask("authorization: Bearer ya29.a0AfH6SMB-x_y")).isEqualTo("authorization: Bearer ***");
        assertThat(Secrets.mask("token ya29.a0AfH6SMB-x_y expired")).isEqualTo("token *** expired");
        assertThat(Secrets.mask("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln end")).isEqualTo("jwt *** end");
        assertThat(Secrets.mask("{\"access_token\":\"abc.def\",\"expires_in\":3599}"))
                .isEqualTo("{\"access_token\":\"***\",\"expires_in\":3599}");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "inventory /home/me/.nasql/google.mv.db is unreadable (Wrong user name or password [28000-240]): check it";
        assertThat(Secrets.mask(text)).isEqualTo(text);
        assertThat(Secrets.mask("PERMISSION_DENIED: projects/p/locations/l")).isEqualTo("PERMISSION_DENIED: projects/p/locations/l");
        assertThat(Secrets.mask(null)).isNull();
        assertThat(Secrets.mask(Secrets.mask("PASSWORD=x"))).isEqualTo("PASSWORD=***");
    }

    @Test
    void stackTracesAreMaskedToo() {
        Exception e = new IllegalStateException("cannot open jdbc:h2:file:/x;PASSWORD=hunter2secret",
                new RuntimeException("postgresql://u:hunter2secret@h/db"));
        assertThat(Secrets.stackTrace(e)).doesNotContain("hunter2secret").contains("PASSWORD=***").contains("Caused by");
    }

    @Test
    void anH2PasswordIsHiddenWholeWhateverItHolds() {
        for (String password : new String[] {"hun ter2secret", "x,hunter2secret", "x)hunter2secret", "***hunter2secret",
                "'hunter2secret'", "x}hunter2secret", "\"hunter2secret", "x]hunter2 secret"}) {
            assertThat(Secrets.mask("inventory jdbc:h2:file:/x/google;PASSWORD=" + password + ";AUTO_SERVER=TRUE is locked"))
                    .as(password).isEqualTo("inventory jdbc:h2:file:/x/google;PASSWORD=***;AUTO_SERVER=TRUE is locked");
            assertThat(Secrets.mask("jdbc:h2:file:/x/google;PASSWORD=" + password)).as(password)
                    .isEqualTo("jdbc:h2:file:/x/google;PASSWORD=***");
        }
    }

    @Test
    void aRememberedSecretIsHiddenWhereverItAppears() {
        Secrets.remember("Sh0rtButUnique pass");
        assertThat(Secrets.mask("H2 said: bad value Sh0rtButUnique pass here")).isEqualTo("H2 said: bad value *** here");
        Secrets.rememberUrlPassword("jdbc:h2:file:/x;PASSWORD=an0ther secret;AUTO_SERVER=TRUE");
        assertThat(Secrets.mask("echo (an0ther secret)")).isEqualTo("echo (***)");
    }

    @Test
    void aPathEndingInPasswordIsAFileNameNotAKey() {
        String text = "inventory /x/google.mv.db has a password of its own, but /x/google.password: is missing; restore it";
        assertThat(Secrets.mask(text)).isEqualTo(text);
        assertThat(Secrets.mask("cannot read C:\\x\\google.password: denied")).isEqualTo("cannot read C:\\x\\google.password: denied");
    }

    @Test
    void postgresqlUrlsStayMaskable() {
        assertThat(Secrets.mask("jdbc:postgresql://db/nasql?user=me&password=s3 cr,t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/nasql?user=me&password=***&ssl=true");
        assertThat(Secrets.mask("postgresql://me:pa/ss:w%20rd@db.example/nasql refused"))
                .isEqualTo("postgresql://me:***@db.example/nasql refused");
        assertThat(Secrets.mask("jdbc:postgresql://db/nasql?user=me&password=s3cr%21t")).isEqualTo("jdbc:postgresql://db/nasql?user=me&password=***");
    }
}
