package org.govchain.auth.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.govchain.auth.config.AuthServerProperties;

/**
 * Loads the production signing key: an RSA private key entry (with its certificate, which gives the
 * public key) from a PKCS#12 or JKS keystore named by configuration.
 */
public final class KeystoreSigningKeys {

  private KeystoreSigningKeys() {}

  /**
   * The key entry the settings name. Precondition: {@code settings.isConfigured()}.
   *
   * @throws SigningKeyException naming the file and alias when the keystore cannot be read, the
   *     entry is missing or ambiguous, or it is not an RSA key matching its certificate
   */
  public static SigningKey load(AuthServerProperties.SigningKey settings) {
    Path path = Path.of(settings.keystore());
    char[] storePassword = settings.keystorePassword().toCharArray();
    char[] keyPassword =
        settings.keyPassword().isEmpty() ? storePassword : settings.keyPassword().toCharArray();
    KeyStore store = open(path, settings.keystoreType(), storePassword);
    String alias = chooseAlias(store, settings.alias(), path);
    try {
      Key key = store.getKey(alias, keyPassword);
      if (!(key instanceof PrivateKey privateKey) || !"RSA".equals(key.getAlgorithm())) {
        throw new SigningKeyException(
            "the entry '" + alias + "' in " + path + " is not an RSA private key");
      }
      Certificate certificate = store.getCertificate(alias);
      if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
        throw new SigningKeyException(
            "the entry '" + alias + "' in " + path + " has no RSA certificate (public key)");
      }
      if (privateKey instanceof RSAPrivateCrtKey crt
          && !crt.getModulus().equals(publicKey.getModulus())) {
        throw new SigningKeyException(
            "the private key and the certificate of '" + alias + "' in " + path + " differ");
      }
      return new SigningKey(
          SigningKey.toJwk(publicKey, privateKey), SigningKey.Origin.KEYSTORE, path + "#" + alias);
    } catch (GeneralSecurityException e) {
      throw new SigningKeyException(
          "cannot read the key '" + alias + "' from " + path + " (wrong key password?)", e);
    }
  }

  private static KeyStore open(Path path, String type, char[] password) {
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      return store;
    } catch (NoSuchFileException e) {
      throw new SigningKeyException("the signing keystore " + path + " does not exist", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningKeyException(
          "cannot open the " + type + " signing keystore " + path + " (wrong password?)", e);
    }
  }

  private static String chooseAlias(KeyStore store, String configured, Path path) {
    try {
      if (!configured.isBlank()) {
        if (!store.isKeyEntry(configured)) {
          throw new SigningKeyException(
              "the keystore " + path + " has no key '" + configured + "'");
        }
        return configured;
      }
      List<String> keys = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keys.add(alias);
        }
      }
      if (keys.size() != 1) {
        throw new SigningKeyException(
            "the keystore "
                + path
                + " holds "
                + keys.size()
                + " keys "
                + keys
                + "; name one with GOVCHAIN_AUTH_KEY_ALIAS");
      }
      return keys.get(0);
    } catch (java.security.KeyStoreException e) {
      throw new SigningKeyException("cannot list the keystore " + path, e);
    }
  }
}
