package org.govchain.ssc.config;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.ssc.privacy.CipherAlgorithm;
import org.govchain.ssc.privacy.HashAlgorithm;
import org.govchain.ssc.privacy.KeyedHash;
import org.govchain.ssc.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The keys of personal data as beans, from {@link SscProperties}; the {@code prod} profile refuses
 * the published development keys.
 */
@Configuration(proxyBeanMethods = false)
class SscConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SscConfiguration.class);

  @Bean
  PersonalDataCipher personalDataCipher(
      SscProperties properties, Environment env, SecureRandom random) {
    SscProperties.PersonalData data = properties.personalData();
    refuseDevKeysInProd(data, env);
    CipherAlgorithm algorithm = cipherAlgorithm(data.algorithm());
    Map<String, String> keys = new LinkedHashMap<>(data.keyMap());
    if (algorithm == CipherAlgorithm.SM4_GCM) {
      // the published development key is 32 bytes; SM4 takes its first 16
      keys.replaceAll(
          (id, key) ->
              SscProperties.PersonalData.DEV_DATA_KEY.equals(key)
                  ? Base64.getEncoder()
                      .encodeToString(Arrays.copyOf(Base64.getDecoder().decode(key), 16))
                  : key);
    }
    return PersonalDataCipher.fromBase64(keys, data.activeKey(), algorithm, random);
  }

  @Bean
  KeyedHash keyedHash(SscProperties properties, Environment env) {
    SscProperties.PersonalData data = properties.personalData();
    refuseDevKeysInProd(data, env);
    byte[] key;
    try {
      key = Base64.getDecoder().decode(data.hashKey().strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("govchain.ssc.personal-data.hash-key is not base64", e);
    }
    HashAlgorithm algorithm;
    try {
      algorithm = HashAlgorithm.valueOf(data.hashAlgorithm().strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "govchain.ssc.personal-data.hash-algorithm must be one of "
              + Arrays.toString(HashAlgorithm.values()));
    }
    return new KeyedHash(algorithm, key);
  }

  private static CipherAlgorithm cipherAlgorithm(String name) {
    try {
      return CipherAlgorithm.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "govchain.ssc.personal-data.algorithm must be one of "
              + Arrays.toString(CipherAlgorithm.values()));
    }
  }

  private static void refuseDevKeysInProd(SscProperties.PersonalData data, Environment env) {
    if (!data.usesDevKeys()) {
      return;
    }
    if (env.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException(
          "the prod profile refuses the development personal-data keys: set"
              + " GOVCHAIN_SSC_DATA_KEYS, GOVCHAIN_SSC_DATA_KEY_ID and GOVCHAIN_SSC_HASH_KEY");
    }
    LOG.warn("DEV-ONLY: citizens' personal data is protected with the published development keys");
  }
}
