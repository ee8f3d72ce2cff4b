package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.config.ConfigError;
import dockermcp.config.EnvRedaction;
import dockermcp.config.SettingsLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's env settings: REDACT_SHOW_ENV shows named variables as they are, REDACT_ENV=all hides every value. */
class EnvRedactionTest {

    @Test
    void showEnvNamesAndGlobsAreShownAsTheyAre() {
        Redactor r = new Redactor(List.of(), new EnvRedaction(false, List.of("JAVA_OPTS", "SPRING_*")));
        assertThat(r.envEntry("JAVA_OPTS=-Dtoken=x1")).isEqualTo("JAVA_OPTS=-Dtoken=x1");
        assertThat(r.envEntry("SPRING_DATASOURCE_PASSWORD=x2")).isEqualTo("SPRING_DATASOURCE_PASSWORD=x2");
        assertThat(r.envEntry("DB_PASSWORD=x3")).isEqualTo("DB_PASSWORD=" + Redactor.MARK);
    }

    @Test
    void redactEnvAllHidesEveryValueButTheNames() {
        Redactor r = new Redactor(List.of(), new EnvRedaction(true, List.of("TZ")));
        assertThat(r.envEntry("PORT=8080")).isEqualTo("PORT=" + Redactor.MARK);
        assertThat(r.envEntry("TZ=Europe/Berlin")).isEqualTo("TZ=Europe/Berlin");
    }

    @Test
    void settingsAreReadAndCheckedOnce() {
        var s = SettingsLoader.load(Map.of("HOME", "/tmp", "SECURITY_AUDIT_LOG", "false", "REDACT_ENV", "all", "REDACT_SHOW_ENV", "TZ, LOG_*"));
        assertThat(s.envRedaction()).isEqualTo(new EnvRedaction(true, List.of("TZ", "LOG_*")));
        assertThat(SettingsLoader.load(Map.of("HOME", "/tmp", "SECURITY_AUDIT_LOG", "false")).envRedaction()).isEqualTo(EnvRedaction.DEFAULT);
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("HOME", "/tmp", "REDACT_ENV", "none"))).isInstanceOf(ConfigError.class).hasMessageContaining("REDACT_ENV");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("HOME", "/tmp", "REDACT_SHOW_ENV", "A B"))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("REDACT_SHOW_ENV");
    }

    @Test
    void harmlessNameExceptionsAreDecidedHere() {
        Redactor r = new Redactor();
        for (String shown : List.of("KEYBOARD_LAYOUT=de", "SERVICE_PUBLIC_KEY_ID=2024-01", "PRIMARY_KEY_COLUMN=id", "MAX_CONNECTIONS=200",
                "JWT_SECRET_FILE=/run/secrets/jwt", "SESSION_TIMEOUT=30m", "GIT_COMMIT=3f2a9c1e8b7d6054a3b2c1d0e9f8a7b6c5d4e3f2")) {
            assertThat(r.envEntry(shown)).isEqualTo(shown);
        }
        for (String hidden : List.of("MONKEY_TOKEN=x", "db_pwd=x", "PGPASSWORD=x", "passphrase=x", "apikey=x", "APP_DSN=x", "JWT_SIGNING=x",
                "REDIS_CONN=x", "ALERT_WEBHOOK=x", "MFA_OTP=x", "SESSION_TIMEOUT=hunter2", "MAPS=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", "X=Zx9kQ2mP7vL4nR8tW3yB6cD1")) {
            assertThat(r.envEntry(hidden)).as(hidden).endsWith("=" + Redactor.MARK);
        }
    }
}
