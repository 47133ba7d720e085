package org.govchain.seal.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.govchain.seal.seals.SealImageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The seal service's settings ({@code govchain.seal.*}): the key-encryption key, the seal CA root
 * and the upload limits.
 *
 * @param kek base64 of the 32-byte AES key that encrypts seal private keys (env {@code
 *     GOVCHAIN_SEAL_KEK}); {@link #DEV_KEK} is for local use only and the {@code prod} profile
 *     refuses it
 */
@Validated
@ConfigurationProperties("govchain.seal")
public record SealProperties(
    @NotBlank String kek,
    @Valid @NotNull @DefaultValue Ca ca,
    @Valid @NotNull @DefaultValue Uploads uploads) {

  /** The development KEK: the 32 ASCII bytes {@code DEV-ONLY:govchain-seal-kek:00000}. */
  public static final String DEV_KEK =
      Base64.getEncoder()
          .encodeToString("DEV-ONLY:govchain-seal-kek:00000".getBytes(StandardCharsets.US_ASCII));

  /** The KEK's 32 bytes. Precondition: {@code kek} is base64 of 32 bytes (else start-up fails). */
  public byte[] kekBytes() {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(kek.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("govchain.seal.kek is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "govchain.seal.kek must decode to 32 bytes, was " + bytes.length);
    }
    return bytes;
  }

  /** Whether the configured KEK is the published development key. */
  public boolean isDevKek() {
    return DEV_KEK.equals(kek.strip());
  }

  /**
   * The seal CA root.
   *
   * @param pkcs12Path a PKCS#12 file with the root key and certificate; empty for a dev root
   * @param pkcs12Password its password (env {@code GOVCHAIN_SEAL_CA_PASSWORD})
   * @param dataDir where a generated dev root is kept across restarts ({@code dev-seal-root.p12})
   */
  public record Ca(
      String pkcs12Path,
      String pkcs12Password,
      @NotNull @DefaultValue("./data/seal") Path dataDir) {

    /** Never prints the password. */
    @Override
    public String toString() {
      return "Ca[pkcs12Path=" + pkcs12Path + ", dataDir=" + dataDir + "]";
    }
  }

  /**
   * Upload limits: a PDF (sealing and verification), a detached signature, a seal image.
   *
   * @param maxPdfSize larger PDFs are refused with 413
   * @param maxImageSize larger seal images are refused with 413
   * @param minImagePixels smallest allowed side of a seal image
   * @param maxImagePixels largest allowed side of a seal image
   */
  public record Uploads(
      @NotNull @DefaultValue("20MB") DataSize maxPdfSize,
      @NotNull @DefaultValue("512KB") DataSize maxImageSize,
      @Min(1) @DefaultValue("64") int minImagePixels,
      @Min(1) @Max(8192) @DefaultValue("2048") int maxImagePixels) {

    /** The core's image limits. */
    public SealImageLimits imageLimits() {
      return new SealImageLimits(maxImageSize.toBytes(), minImagePixels, maxImagePixels);
    }
  }

  /** Never prints the KEK. */
  @Override
  public String toString() {
    return "SealProperties[kek=(hidden), ca=" + ca + ", uploads=" + uploads + "]";
  }
}
