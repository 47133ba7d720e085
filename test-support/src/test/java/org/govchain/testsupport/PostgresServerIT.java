package org.govchain.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class PostgresServerIT {

  @Test
  void eachDatabaseIsFreshAndReal(PostgresServer.Database first, PostgresServer.Database second)
      throws Exception {
    assertThat(first.name()).isNotEqualTo(second.name());
    try (Connection c = first.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v int)");
      s.execute("INSERT INTO t VALUES (42)");
      ResultSet rs = s.executeQuery("SELECT v, version() FROM t");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
      assertThat(rs.getString(2)).startsWith("PostgreSQL");
    }
    try (Connection c = second.connect();
        Statement s = c.createStatement()) {
      ResultSet rs =
          s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'");
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void databaseGivesSpringBothR2dbcAndJdbcUrls(PostgresServer.Database db) {
    assertThat(db.springProperties())
        .contains("spring.r2dbc.url=" + db.r2dbcUrl(), "spring.flyway.url=" + db.jdbcUrl());
    assertThat(db.r2dbcUrl()).startsWith("r2dbc:postgresql://");
  }

  @Test
  void anEmbeddedServerOfItsOwnStopsAndStartsOnItsPortKeepingItsData(@TempDir Path dir)
      throws Exception {
    try (PostgresServer server = PostgresServer.startEmbedded(dir.resolve("pg"))) {
      PostgresServer.Database db = server.newDatabase();
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v int)");
        s.execute("INSERT INTO kept VALUES (7)");
      }
      server.stop();
      assertThatThrownBy(db::connect).isInstanceOf(java.sql.SQLException.class);
      server.start();
      assertThat(server.port()).isEqualTo(db.port());
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        ResultSet rs = s.executeQuery("SELECT v FROM kept");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(7);
      }
    }
  }

  @Test
  void anEmbeddedServerOfItsOwnCrashesAndRecoversItsCommittedData(@TempDir Path dir)
      throws Exception {
    try (PostgresServer server = PostgresServer.startEmbedded(dir.resolve("pg"))) {
      PostgresServer.Database db = server.newDatabase();
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v int)");
        s.execute("INSERT INTO kept VALUES (7)");
        server.stopImmediately();
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> s.execute("SELECT 1")).isInstanceOf(java.sql.SQLException.class);
      }
      assertThatThrownBy(db::connect).isInstanceOf(java.sql.SQLException.class);
      server.start();
      assertThat(server.isRunning()).isTrue();
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        ResultSet rs = s.executeQuery("SELECT v FROM kept");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(7);
      }
    }
  }
}
