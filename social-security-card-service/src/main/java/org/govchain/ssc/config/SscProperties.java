package org.govchain.ssc.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The card service's settings ({@code govchain.ssc.*}): card numbering and periods, the keys that
 * protect personal data, and QR codes. The development keys are published; the {@code prod} profile
 * refuses each of them.
 *
 * @param dataDir where generated development keys are kept across restarts
 */
@Validated
@ConfigurationProperties("govchain.ssc")
public record SscProperties(
    @NotNull @DefaultValue("./data/ssc") Path dataDir,
    @Valid @NotNull @DefaultValue Cards cards,
    @Valid @NotNull @DefaultValue PersonalData personalData,
    @Valid @NotNull @DefaultValue Qr qr) {

  /**
   * Card numbering and periods.
   *
   * @param series the letter that starts every card number this service issues (CardNumber)
   * @param specVersion the card specification version, {@code 3.00} for third-generation cards
   * @param validity a card's validity: expiry = issue date + validity − 1 day
   * @param temporaryLossPeriod a temporary loss not lifted within this becomes formal
   * @param activationCodeValidity how long a sealed card's activation code can be used
   * @param activationAttempts wrong codes after which the code is void (a clerk issues a new one)
   */
  public record Cards(
      @NotBlank @Pattern(regexp = "[A-Z]") @DefaultValue("X") String series,
      @NotBlank @DefaultValue("3.00") String specVersion,
      @NotNull @DefaultValue("P10Y") Period validity,
      @NotNull @DefaultValue("15d") Duration temporaryLossPeriod,
      @NotNull @DefaultValue("30d") Duration activationCodeValidity,
      @DefaultValue("5") int activationAttempts) {}

  /**
   * The keys of personal data at rest.
   *
   * @param algorithm {@code AES_GCM} (default) or {@code SM4_GCM} (密评 deployments; 16-byte keys)
   * @param keys comma-separated {@code keyId=base64} pairs; old keys stay listed so that data
   *     encrypted under them can still be read (env {@code GOVCHAIN_SSC_DATA_KEYS})
   * @param activeKey the key id new data is encrypted with (env {@code GOVCHAIN_SSC_DATA_KEY_ID})
   * @param hashAlgorithm {@code HMAC_SHA256} (default) or {@code HMAC_SM3}
   * @param hashKey base64 of the key (32+ bytes) of the keyed hashes that find a card by ID number
   *     and stand for personal data in log envelopes (env {@code GOVCHAIN_SSC_HASH_KEY})
   */
  public record PersonalData(
      @NotBlank @DefaultValue("AES_GCM") String algorithm,
      @NotBlank String keys,
      @NotBlank String activeKey,
      @NotBlank @DefaultValue("HMAC_SHA256") String hashAlgorithm,
      @NotBlank String hashKey) {

    /** The published development data key (32 ASCII bytes; SM4 uses its first 16). */
    public static final String DEV_DATA_KEY = base64("DEV-ONLY:govchain-ssc-data-key:0");

    /** The published development hash key (32 ASCII bytes). */
    public static final String DEV_HASH_KEY = base64("DEV-ONLY:govchain-ssc-hash-key:0");

    /** {@link #keys} as key id → base64. */
    public Map<String, String> keyMap() {
      Map<String, String> map = new LinkedHashMap<>();
      for (String pair : keys.split(",")) {
        String entry = pair.strip();
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          throw new IllegalStateException(
              "govchain.ssc.personal-data.keys: each entry must be keyId=base64 (the key id before"
                  + " '=' is missing)");
        }
        map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
      }
      return map;
    }

    /** Whether any configured key is a published development key. */
    public boolean usesDevKeys() {
      return keyMap().values().stream().anyMatch(DEV_DATA_KEY::equals)
          || DEV_HASH_KEY.equals(hashKey.strip());
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
      return "PersonalData[algorithm="
          + algorithm
          + ", keys="
          + keyMap().keySet()
          + ", activeKey="
          + activeKey
          + ", hashAlgorithm="
          + hashAlgorithm
          + "]";
    }

    private static String base64(String ascii) {
      return Base64.getEncoder().encodeToString(ascii.getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * QR codes.
   *
   * @param algorithm {@code ED25519} (default) or {@code SM2}
   * @param validity how long a QR payload is valid
   * @param keyPath a PEM file with the signing key pair (env {@code GOVCHAIN_SSC_QR_KEY}); empty: a
   *     development key generated once into {@code dataDir}, which {@code prod} refuses
   */
  public record Qr(
      @NotBlank @DefaultValue("ED25519") String algorithm,
      @NotNull @DefaultValue("60s") Duration validity,
      String keyPath) {}
}
