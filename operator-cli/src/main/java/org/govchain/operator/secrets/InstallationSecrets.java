package org.govchain.operator.secrets;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.operator.OperatorException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Every per-installation secret of a GovChain installation, as files named after the settings that
 * read them, one directory per container (the layout {@code infra/compose/README.md} documents):
 * database passwords, the registry owner's and each log's submitter key, each log's checkpoint
 * signer, the seal KEK and CA root, the card service's data, hash and QR keys, the auth server's
 * signing key and its confidential clients. Generated once; a later run only adds what is missing.
 * Public values derived from them (addresses to fund, log verifier keys) are rewritten on every run
 * under {@code public/} and {@code registry/}.
 */
public final class InstallationSecrets {

  /** A record service's log and database. */
  enum RecordService {
    SEAL("seal", "SEAL", "seal"),
    SSC("ssc", "SSC", "ssc"),
    ACCOUNTING("accounting", "ACCOUNTING", "accounting");

    final String dir;
    final String prefix;
    final String originLabel;

    RecordService(String dir, String prefix, String originLabel) {
      this.dir = dir;
      this.prefix = prefix;
      this.originLabel = originLabel;
    }
  }

  /** The roles that get a confidential client, besides the accounting clerks. */
  static final List<String> CLIENT_ROLES =
      List.of("seal-clerk", "ssc-clerk", "auditor", "service-point", "admin");

  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final Pattern UNIT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String domain;
  private final String accountingUnit;
  private final String organisation;

  /**
   * @param domain the DNS name the logs' origins are made from ({@code seal.<domain>}, …)
   * @param accountingUnit the unit (unified social credit code) of the two accounting clerk
   *     clients, or null for none
   * @param organisation the seal CA root's organisation name
   */
  public InstallationSecrets(String domain, String accountingUnit, String organisation) {
    if (!DOMAIN.matcher(domain).matches()) {
      throw new OperatorException(
          "--domain must be a lower-case DNS name such as city.example, not '" + domain + "'");
    }
    if (accountingUnit != null && !UNIT.matcher(accountingUnit).matches()) {
      throw new OperatorException(
          "--accounting-unit must be an 18-character unified social credit code");
    }
    if (organisation.isBlank() || organisation.chars().anyMatch(c -> c < 0x20 || c == ',')) {
      throw new OperatorException("--organisation must be a name without commas or controls");
    }
    this.domain = domain;
    this.accountingUnit = accountingUnit;
    this.organisation = organisation;
  }

  /** What a run did: the files it made and the ones it kept. */
  public record Outcome(List<Path> created, List<Path> kept, Map<String, String> addresses) {}

  /** Generates what is missing under {@code dir}. */
  public Outcome generate(Path dir) {
    SecretFiles files = new SecretFiles(dir);
    Map<String, String> addresses = new LinkedHashMap<>();
    files.text("postgres/POSTGRES_PASSWORD", InstallationSecrets::password);

    Credentials owner =
        Credentials.create(
            files.text("registry/GOVCHAIN_REGISTRY_OWNER_KEY", InstallationSecrets::ethereumKey));
    addresses.put("registry owner", owner.getAddress());
    StringBuilder verifierKeys = new StringBuilder();
    for (RecordService service : RecordService.values()) {
      String d = service.dir + "/";
      files.text(d + service.prefix + "_DB_PASSWORD", InstallationSecrets::password);
      String origin =
          files.text(d + "GOVCHAIN_LOG_ORIGIN", () -> service.originLabel + "." + domain);
      NoteSigner signer =
          signer(
              files.text(
                  d + "GOVCHAIN_LOG_SIGNER_KEY", () -> NoteSigner.generate(origin).signerKey()),
              origin,
              files.root().resolve(d + "GOVCHAIN_LOG_SIGNER_KEY"));
      Credentials submitter =
          Credentials.create(
              files.text(d + "GOVCHAIN_ANCHOR_SUBMITTER_KEY", InstallationSecrets::ethereumKey));
      addresses.put(origin + " submitter", submitter.getAddress());
      files.derived("registry/GOVCHAIN_" + service.prefix + "_LOG_ORIGIN", origin);
      files.derived(
          "registry/GOVCHAIN_" + service.prefix + "_SUBMITTER_ADDRESS", submitter.getAddress());
      verifierKeys.append(signer.verifierKey()).append('\n');
    }

    files.text("seal/GOVCHAIN_SEAL_KEK", () -> aesKey());
    String caPassword = files.text("seal/GOVCHAIN_SEAL_CA_PASSWORD", InstallationSecrets::password);
    files.bytes(
        "seal/seal-ca.p12",
        () ->
            Keytool.generate(
                caPassword,
                List.of(
                    "-alias",
                    "seal-root",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-sigalg",
                    "SHA256withECDSA",
                    "-dname",
                    "CN=" + organisation + " Seal Root CA, O=" + organisation + ", C=CN",
                    "-validity",
                    "3650",
                    "-ext",
                    "bc:c=ca:true",
                    "-ext",
                    "ku:c=keyCertSign,cRLSign")));

    String keyId = files.text("ssc/GOVCHAIN_SSC_DATA_KEY_ID", () -> "key-1");
    files.text("ssc/GOVCHAIN_SSC_DATA_KEYS", () -> keyId + "=" + aesKey());
    files.text("ssc/GOVCHAIN_SSC_HASH_KEY", () -> aesKey());
    files.text("ssc/qr-signing-key.pem", InstallationSecrets::qrKeyPem);

    String authPassword =
        files.text("auth/GOVCHAIN_AUTH_KEYSTORE_PASSWORD", InstallationSecrets::password);
    files.bytes(
        "auth/auth-signing.p12",
        () ->
            Keytool.generate(
                authPassword,
                List.of(
                    "-alias",
                    "govchain-auth",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "3072",
                    "-sigalg",
                    "SHA256withRSA",
                    "-dname",
                    "CN=GovChain auth signing key, O=" + organisation,
                    "-validity",
                    "730")));
    String clients = files.privateText("auth/clients.txt", this::clientList);
    files.text("auth/clients.properties", () -> clientProperties(clients));

    StringBuilder fund = new StringBuilder();
    addresses.values().forEach(a -> fund.append(fund.length() == 0 ? "" : ",").append(a));
    files.derived("public/addresses.txt", fund + "\n");
    files.derived("public/log-verifier-keys.txt", verifierKeys.toString());
    return new Outcome(List.copyOf(files.created()), List.copyOf(files.kept()), addresses);
  }

  private static NoteSigner signer(String key, String origin, Path file) {
    NoteSigner signer;
    try {
      signer = NoteSigner.fromSignerKey(key);
    } catch (IllegalArgumentException e) {
      throw new OperatorException(file + " is not a checkpoint signer key: " + e.getMessage(), e);
    }
    if (!signer.name().equals(origin)) {
      throw new OperatorException(
          file + " signs for '" + signer.name() + "', but the log's origin is '" + origin + "'");
    }
    return signer;
  }

  /** {@code id secret roles [unit]} per line: the clear secrets, for the operator to hand out. */
  private String clientList() {
    StringBuilder text =
        new StringBuilder(
            "# GovChain's confidential clients (client credentials grant): id, secret, roles,"
                + " unit.\n# Hand each secret to its holder; auth/clients.properties holds only"
                + " their bcrypt hashes.\n");
    for (String role : CLIENT_ROLES) {
      text.append(role).append(' ').append(password()).append(' ').append(role).append('\n');
    }
    if (accountingUnit != null) {
      for (String id : List.of("accounting-clerk", "accounting-clerk-2")) {
        text.append(id)
            .append(' ')
            .append(password())
            .append(" accounting-clerk ")
            .append(accountingUnit)
            .append('\n');
      }
    }
    return text.toString();
  }

  /** The auth server's {@code govchain.auth.clients[n]} settings, secrets as bcrypt hashes. */
  static String clientProperties(String clientList) {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12, RANDOM);
    StringBuilder text =
        new StringBuilder(
            "# The auth server's confidential clients (made from clients.txt by govchain-operator"
                + " secrets).\n");
    int n = 0;
    for (String line : clientList.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length < 3 || fields.length > 4) {
        throw new OperatorException(
            "auth/clients.txt: a line must be 'id secret roles [unit]', not '" + fields[0] + " …'");
      }
      String p = "govchain.auth.clients[" + n++ + "].";
      text.append(p).append("id=").append(fields[0]).append('\n');
      text.append(p).append("secret={bcrypt}").append(bcrypt.encode(fields[1])).append('\n');
      text.append(p).append("roles=").append(fields[2]).append('\n');
      if (fields.length == 4) {
        text.append(p).append("unit=").append(fields[3]).append('\n');
      }
    }
    return text.toString();
  }

  static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String aesKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static String ethereumKey() {
    try {
      return Numeric.toHexStringWithPrefixZeroPadded(Keys.createEcKeyPair().getPrivateKey(), 64);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ethereum key", e);
    }
  }

  /** An Ed25519 key pair as a PKCS#8 "PRIVATE KEY" and an X.509 "PUBLIC KEY" PEM block. */
  static String qrKeyPem() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return pem("PRIVATE KEY", pair.getPrivate().getEncoded())
          + pem("PUBLIC KEY", pair.getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ed25519 key", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The file names of every secret, for documentation and tests. */
  static List<String> layout() {
    List<String> names = new ArrayList<>();
    names.add("postgres/POSTGRES_PASSWORD");
    names.add("registry/GOVCHAIN_REGISTRY_OWNER_KEY");
    for (RecordService service : RecordService.values()) {
      names.add(service.dir + "/" + service.prefix + "_DB_PASSWORD");
      names.add(service.dir + "/GOVCHAIN_LOG_ORIGIN");
      names.add(service.dir + "/GOVCHAIN_LOG_SIGNER_KEY");
      names.add(service.dir + "/GOVCHAIN_ANCHOR_SUBMITTER_KEY");
    }
    names.addAll(
        List.of(
            "seal/GOVCHAIN_SEAL_KEK",
            "seal/GOVCHAIN_SEAL_CA_PASSWORD",
            "seal/seal-ca.p12",
            "ssc/GOVCHAIN_SSC_DATA_KEY_ID",
            "ssc/GOVCHAIN_SSC_DATA_KEYS",
            "ssc/GOVCHAIN_SSC_HASH_KEY",
            "ssc/qr-signing-key.pem",
            "auth/GOVCHAIN_AUTH_KEYSTORE_PASSWORD",
            "auth/auth-signing.p12",
            "auth/clients.txt",
            "auth/clients.properties"));
    return names;
  }
}
