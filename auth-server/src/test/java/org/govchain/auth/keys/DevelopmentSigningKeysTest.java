package org.govchain.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentSigningKeysTest {

  @TempDir Path dataDir;

  @Test
  void generatesAKeyOnFirstUseAndReadsTheSameKeyBackAfterwards() throws Exception {
    SigningKey first = DevelopmentSigningKeys.loadOrCreate(dataDir.resolve("nested/auth"));
    SigningKey second = DevelopmentSigningKeys.loadOrCreate(dataDir.resolve("nested/auth"));

    assertThat(first.isDevelopmentKey()).isTrue();
    assertThat(second.keyId()).isEqualTo(first.keyId());
    assertThat(second.jwk().toRSAPrivateKey()).isEqualTo(first.jwk().toRSAPrivateKey());
    assertThat(first.jwk().size()).isEqualTo(DevelopmentSigningKeys.KEY_SIZE);
  }

  @Test
  void keyIdIsTheRfc7638ThumbprintOfThePublicKey() throws Exception {
    SigningKey key = DevelopmentSigningKeys.loadOrCreate(dataDir);
    RSAKey publicOnly = new RSAKey.Builder(key.jwk().toRSAPublicKey()).build();

    assertThat(key.keyId()).isEqualTo(publicOnly.computeThumbprint("SHA-256").toString());
    assertThat(key.publicJwk().isPrivate()).isFalse();
  }

  @Test
  void keyFileIsReadableByItsOwnerOnly() throws Exception {
    DevelopmentSigningKeys.loadOrCreate(dataDir);
    Path file = dataDir.resolve(DevelopmentSigningKeys.FILE_NAME);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dataDir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void differentDataDirectoriesGetDifferentKeys() {
    SigningKey a = DevelopmentSigningKeys.loadOrCreate(dataDir.resolve("a"));
    SigningKey b = DevelopmentSigningKeys.loadOrCreate(dataDir.resolve("b"));

    assertThat(a.keyId()).isNotEqualTo(b.keyId());
  }

  @Test
  void aDamagedKeyFileStopsStartUpWithItsPathInsteadOfBeingReplaced() throws Exception {
    Path file = dataDir.resolve(DevelopmentSigningKeys.FILE_NAME);
    Files.writeString(file, "{\"kty\":\"RSA\",\"n\":\"broken\"}");

    assertThatThrownBy(() -> DevelopmentSigningKeys.loadOrCreate(dataDir))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining(file.toString());
    assertThat(Files.readString(file)).contains("broken");
  }

  @Test
  void aPublicOnlyKeyFileIsRefused() throws Exception {
    SigningKey key = DevelopmentSigningKeys.loadOrCreate(dataDir.resolve("source"));
    Path file = dataDir.resolve(DevelopmentSigningKeys.FILE_NAME);
    Files.writeString(file, key.publicJwk().toJSONString());

    assertThatThrownBy(() -> DevelopmentSigningKeys.loadOrCreate(dataDir))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("no private key");
  }
}
