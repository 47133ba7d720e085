package org.govchain.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.testing.TestKeystores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreSigningKeysTest {

  private static final String PASSWORD = "test-store-password";

  @TempDir static Path dir;
  private static Path single;
  private static Path two;

  @BeforeAll
  static void makeKeystores() {
    single = TestKeystores.addRsaKey(dir.resolve("single.p12"), "signing", PASSWORD);
    two = TestKeystores.addRsaKey(dir.resolve("two.p12"), "old", PASSWORD);
    TestKeystores.addRsaKey(two, "new", PASSWORD);
  }

  private static AuthServerProperties.SigningKey settings(
      Path file, String password, String alias) {
    return new AuthServerProperties.SigningKey(file.toString(), "PKCS12", password, alias, "");
  }

  @Test
  void loadsTheOnlyKeyWithItsCertificatesPublicKeyAndAThumbprintKeyId() throws Exception {
    SigningKey key = KeystoreSigningKeys.load(settings(single, PASSWORD, ""));

    RSAPublicKey certified = (RSAPublicKey) open(single).getCertificate("signing").getPublicKey();
    assertThat(key.jwk().toRSAPublicKey()).isEqualTo(certified);
    assertThat(key.jwk().isPrivate()).isTrue();
    assertThat(key.isDevelopmentKey()).isFalse();
    assertThat(key.keyId())
        .isEqualTo(new RSAKey.Builder(certified).build().computeThumbprint().toString());
    assertThat(key.location()).endsWith("single.p12#signing");
  }

  @Test
  void theSameKeystoreAlwaysGivesTheSameKeyId() {
    assertThat(KeystoreSigningKeys.load(settings(single, PASSWORD, "")).keyId())
        .isEqualTo(KeystoreSigningKeys.load(settings(single, PASSWORD, "signing")).keyId());
  }

  @Test
  void aNamedAliasPicksThatKeyAmongSeveral() throws Exception {
    SigningKey chosen = KeystoreSigningKeys.load(settings(two, PASSWORD, "new"));

    assertThat(chosen.jwk().toRSAPublicKey())
        .isEqualTo(open(two).getCertificate("new").getPublicKey());
  }

  @Test
  void severalKeysWithoutAnAliasIsRefusedNamingThem() {
    assertThatThrownBy(() -> KeystoreSigningKeys.load(settings(two, PASSWORD, "")))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("holds 2 keys")
        .hasMessageContaining("old")
        .hasMessageContaining("GOVCHAIN_AUTH_KEY_ALIAS");
  }

  @Test
  void anUnknownAliasIsRefused() {
    assertThatThrownBy(() -> KeystoreSigningKeys.load(settings(single, PASSWORD, "other")))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("has no key 'other'");
  }

  @Test
  void aWrongPasswordIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> KeystoreSigningKeys.load(settings(single, "guessed-password", "")))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining(single.toString())
        .hasMessageNotContaining("guessed-password");
  }

  @Test
  void aMissingKeystoreIsRefusedNamingThePath() {
    Path missing = dir.resolve("missing.p12");
    assertThatThrownBy(() -> KeystoreSigningKeys.load(settings(missing, PASSWORD, "")))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining(missing.toString());
  }

  private static KeyStore open(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    }
  }
}
