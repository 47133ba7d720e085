package org.govchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

class DevKeysTest {

  @TempDir Path dir;

  @Test
  void keysAreMadeOnceAndReadBackUnchanged() {
    Path keys = dir.resolve("keys");
    Credentials owner = new DevKeys(keys).ethereum("registry-owner");
    NoteSigner signer = new DevKeys(keys).logSigner("seal-log-signer", "seal.govchain.example");
    String kek = new DevKeys(keys).aesKey("seal-kek");

    DevKeys again = new DevKeys(keys);
    assertThat(again.ethereum("registry-owner").getAddress()).isEqualTo(owner.getAddress());
    assertThat(again.logSigner("seal-log-signer", "seal.govchain.example").verifierKey())
        .isEqualTo(signer.verifierKey());
    assertThat(again.aesKey("seal-kek")).isEqualTo(kek);
    assertThat(Base64.getDecoder().decode(kek)).hasSize(32);
    assertThat(again.ethereum("seal-submitter").getAddress()).isNotEqualTo(owner.getAddress());
  }

  @Test
  void keyFilesAreReadableByTheOwnerOnly() throws Exception {
    Path keys = dir.resolve("keys");
    new DevKeys(keys).ethereum("registry-owner");

    assertThat(Files.getPosixFilePermissions(keys.resolve("registry-owner.hex")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(Files.getPosixFilePermissions(keys))
        .isEqualTo(
            Set.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
  }

  @Test
  void aSignerKeyForAnotherLogIsRefused() {
    Path keys = dir.resolve("keys");
    new DevKeys(keys).logSigner("seal-log-signer", "seal.govchain.example");

    assertThatThrownBy(() -> new DevKeys(keys).logSigner("seal-log-signer", "ssc.govchain.example"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seal.govchain.example")
        .hasMessageContaining("ssc.govchain.example");
  }
}
