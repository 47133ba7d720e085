package org.govchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void defaultsAreTheDesignPortsAndTheRepositorysStateDirectory() {
    Settings s = Settings.from(ROOT, Map.of());

    assertThat(s.home()).isEqualTo(Path.of("/repo/.govchain"));
    assertThat(s.chainPort()).isEqualTo(8545);
    assertThat(s.postgresPort()).isEqualTo(5433);
    assertThat(s.port("AUTH_PORT")).isEqualTo(9000);
    assertThat(s.port("SEAL_PORT")).isEqualTo(8081);
    assertThat(s.port("SSC_PORT")).isEqualTo(8082);
    assertThat(s.port("ACCOUNTING_PORT")).isEqualTo(8083);
    assertThat(s.port("PORTAL_PORT")).isEqualTo(8084);
    assertThat(s.port("GATEWAY_PORT")).isEqualTo(8080);
    assertThat(s.externalPostgres()).isEmpty();
    assertThat(s.rpcUrl()).isEqualTo("http://127.0.0.1:8545");
    assertThat(s.issuer()).isEqualTo("http://localhost:9000");
    assertThat(s.startTimeout()).isEqualTo(Settings.DEFAULT_START_TIMEOUT);
  }

  @Test
  void everyPortAndTheStateDirectoryComeFromTheEnvironment() {
    Settings s =
        Settings.from(
            ROOT,
            Map.of(
                "GOVCHAIN_HOME", "/tmp/gc",
                "GOVCHAIN_CHAIN_PORT", "18545",
                "GOVCHAIN_PG_PORT", "15433",
                "AUTH_PORT", "19000",
                "SEAL_PORT", "18081",
                "GATEWAY_PORT", "18080",
                "GOVCHAIN_START_TIMEOUT", "30"));

    assertThat(s.home()).isEqualTo(Path.of("/tmp/gc"));
    assertThat(s.rpcUrl()).isEqualTo("http://127.0.0.1:18545");
    assertThat(s.postgresPort()).isEqualTo(15433);
    assertThat(s.issuer()).isEqualTo("http://localhost:19000");
    assertThat(s.port("SEAL_PORT")).isEqualTo(18081);
    assertThat(s.port("GATEWAY_PORT")).isEqualTo(18080);
    assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anExternalServerIsNamedByAJdbcUrlAndKeepsItsPasswordOutOfToString() {
    Settings s =
        Settings.from(
            ROOT,
            Map.of(
                "GOVCHAIN_PG_URL", "jdbc:postgresql://db.local:5432/postgres",
                "GOVCHAIN_PG_USER", "govchain",
                "GOVCHAIN_PG_PASSWORD", "s3cret"));

    Settings.ExternalPostgres pg = s.externalPostgres().orElseThrow();
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5432/postgres");
    assertThat(pg.user()).isEqualTo("govchain");
    assertThat(pg.password()).isEqualTo("s3cret");
    assertThat(pg.toString()).doesNotContain("s3cret");
  }

  @Test
  void rejectsBadValuesNamingTheVariable() {
    assertThatThrownBy(() -> Settings.from(ROOT, Map.of("SEAL_PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SEAL_PORT");
    assertThatThrownBy(() -> Settings.from(ROOT, Map.of("GOVCHAIN_CHAIN_PORT", "70000")))
        .hasMessageContaining("GOVCHAIN_CHAIN_PORT");
    assertThatThrownBy(() -> Settings.from(ROOT, Map.of("GATEWAY_PORT", "0")))
        .hasMessageContaining("GATEWAY_PORT");
    assertThatThrownBy(
            () -> Settings.from(ROOT, Map.of("GOVCHAIN_PG_URL", "postgres://localhost/x")))
        .hasMessageContaining("GOVCHAIN_PG_URL");
  }
}
