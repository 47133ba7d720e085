package org.govchain.operator.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.govchain.operator.OperatorException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.web3j.crypto.Credentials;

class InstallationSecretsTest {

  @TempDir Path temp;

  /**
   * One installation generated for the whole class: each generation runs keytool (a JVM and a
   * 3072-bit RSA key) and bcrypts eight client secrets, seconds apiece. Tests that only read or
   * alter a generated installation start from a copy of it; the first test generates its own.
   */
  @TempDir static Path shared;

  private static Path template;

  /** The samples' made-up code (launcher's Samples): a valid check, no real organisation. */
  private static final String ORGANISATION_CODE = "91110108MA01GCH013";

  private final InstallationSecrets secrets =
      new InstallationSecrets(
          "city.example", "115132000088000108", "Example City", ORGANISATION_CODE);

  @BeforeAll
  static void generateOnce() {
    template = shared.resolve("template");
    new InstallationSecrets("city.example", "115132000088000108", "Example City", ORGANISATION_CODE)
        .generate(template);
  }

  /** A copy of the class's installation at {@code temp/secrets}, permissions included. */
  private Path generated() throws IOException {
    Path dir = temp.resolve("secrets");
    copy(template, dir);
    return dir;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Files.copy(
            source,
            to.resolve(from.relativize(source).toString()),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  @Test
  void generatesEveryFileOnceAndKeepsThemOnTheNextRun() throws Exception {
    Path dir = temp.resolve("secrets");
    InstallationSecrets.Outcome first = secrets.generate(dir);

    assertThat(first.kept()).isEmpty();
    assertThat(first.created())
        .containsExactlyInAnyOrderElementsOf(
            InstallationSecrets.layout().stream().map(dir::resolve).toList());
    Map<String, byte[]> before = contents(dir);

    InstallationSecrets.Outcome second = secrets.generate(dir);

    assertThat(second.created()).isEmpty();
    assertThat(second.amended()).isEmpty();
    assertThat(second.kept()).hasSameSizeAs(first.created());
    assertThat(contents(dir)).containsOnlyKeys(before.keySet());
    before.forEach((name, bytes) -> assertThat(read(dir, name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aMissingFileIsMadeAgainAndNothingElseChanges() throws Exception {
    Path dir = generated();
    byte[] signer = Files.readAllBytes(dir.resolve("seal/GOVCHAIN_LOG_SIGNER_KEY"));
    byte[] kek = Files.readAllBytes(dir.resolve("seal/GOVCHAIN_SEAL_KEK"));
    Files.delete(dir.resolve("ssc/SSC_DB_PASSWORD"));

    InstallationSecrets.Outcome outcome = secrets.generate(dir);

    assertThat(outcome.created()).containsExactly(dir.resolve("ssc/SSC_DB_PASSWORD"));
    assertThat(Files.readAllBytes(dir.resolve("seal/GOVCHAIN_LOG_SIGNER_KEY"))).isEqualTo(signer);
    assertThat(Files.readAllBytes(dir.resolve("seal/GOVCHAIN_SEAL_KEK"))).isEqualTo(kek);
  }

  @Test
  void eachLogHasItsOwnReferenceKeyAndAnOlderInstallationGetsThemWithNothingElseChanged()
      throws Exception {
    Path dir = generated();
    List<Path> keys =
        List.of("seal", "ssc", "accounting").stream()
            .map(log -> dir.resolve(log + "/GOVCHAIN_LOG_REFERENCE_KEY"))
            .toList();
    List<String> values = new java.util.ArrayList<>();
    for (Path key : keys) {
      String value = Files.readString(key).strip();
      assertThat(Base64.getDecoder().decode(value)).as("%s", key).hasSize(32);
      values.add(value);
    }
    assertThat(values).doesNotHaveDuplicates();

    // secrets made before reference keys existed: the keys are added, nothing else is touched
    keys.forEach(key -> key.toFile().delete());
    Map<String, byte[]> before = contents(dir);
    InstallationSecrets.Outcome outcome = secrets.generate(dir);
    assertThat(outcome.created()).containsExactlyInAnyOrderElementsOf(keys);
    before.forEach((name, bytes) -> assertThat(read(dir, name)).as(name).isEqualTo(bytes));
    for (Path key : keys) {
      assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
    }
  }

  @Test
  void logKeysAreNamedAfterTheOriginsAndTheRegistryGetsTheSubmittersAddresses() throws Exception {
    Path dir = generated();
    InstallationSecrets.Outcome outcome = secrets.generate(dir);

    for (String log : List.of("seal", "ssc", "accounting")) {
      String origin = text(dir, log + "/GOVCHAIN_LOG_ORIGIN");
      assertThat(origin).isEqualTo(log + ".city.example");
      assertThat(NoteSigner.fromSignerKey(text(dir, log + "/GOVCHAIN_LOG_SIGNER_KEY")).name())
          .isEqualTo(origin);
      String address =
          Credentials.create(text(dir, log + "/GOVCHAIN_ANCHOR_SUBMITTER_KEY")).getAddress();
      String prefix = log.toUpperCase(java.util.Locale.ROOT);
      assertThat(text(dir, "registry/GOVCHAIN_" + prefix + "_SUBMITTER_ADDRESS"))
          .isEqualTo(address);
      assertThat(text(dir, "registry/GOVCHAIN_" + prefix + "_LOG_ORIGIN")).isEqualTo(origin);
      assertThat(text(dir, "public/log-verifier-keys.txt")).contains(origin + "+");
    }
    String owner =
        Credentials.create(text(dir, "registry/GOVCHAIN_REGISTRY_OWNER_KEY")).getAddress();
    assertThat(text(dir, "public/addresses.txt").split(","))
        .hasSize(4)
        .contains(owner)
        .containsExactlyElementsOf(outcome.addresses().values());
  }

  @Test
  void aSignerKeyForAnotherOriginIsRefused() throws Exception {
    Path dir = generated();
    Files.writeString(dir.resolve("seal/GOVCHAIN_LOG_ORIGIN"), "seal.other.example");

    assertThatThrownBy(() -> secrets.generate(dir))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("signs for 'seal.city.example'")
        .hasMessageContaining("'seal.other.example'");
  }

  @Test
  void keystoresAreWhatTheAuthServerAndTheSealServiceLoad() throws Exception {
    Path dir = generated();

    KeyStore seal = load(dir, "seal/seal-ca.p12", text(dir, "seal/GOVCHAIN_SEAL_CA_PASSWORD"));
    X509Certificate root = (X509Certificate) seal.getCertificate("seal-root");
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(root.getSubjectX500Principal().getName())
        .contains("CN=Example City Seal Root CA")
        .doesNotContain("DEV");
    PrivateKey sealKey =
        (PrivateKey)
            seal.getKey("seal-root", text(dir, "seal/GOVCHAIN_SEAL_CA_PASSWORD").toCharArray());
    assertThat(sealKey).isInstanceOf(ECPrivateKey.class);

    String authPassword = text(dir, "auth/GOVCHAIN_AUTH_KEYSTORE_PASSWORD");
    KeyStore auth = load(dir, "auth/auth-signing.p12", authPassword);
    RSAPrivateKey authKey =
        (RSAPrivateKey) auth.getKey("govchain-auth", authPassword.toCharArray());
    assertThat(authKey.getModulus().bitLength()).isEqualTo(3072);
  }

  @Test
  void cardServiceKeysHaveTheFormatsItReads() throws Exception {
    Path dir = generated();

    String keyId = text(dir, "ssc/GOVCHAIN_SSC_DATA_KEY_ID");
    String keys = text(dir, "ssc/GOVCHAIN_SSC_DATA_KEYS");
    assertThat(keys).startsWith(keyId + "=");
    assertThat(Base64.getDecoder().decode(keys.substring(keyId.length() + 1))).hasSize(32);
    assertThat(Base64.getDecoder().decode(text(dir, "ssc/GOVCHAIN_SSC_HASH_KEY"))).hasSize(32);
    assertThat(Base64.getDecoder().decode(text(dir, "seal/GOVCHAIN_SEAL_KEK"))).hasSize(32);

    String pem = text(dir, "ssc/qr-signing-key.pem");
    KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
    ed25519.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));
    ed25519.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY")));
  }

  @Test
  void clientsGetRandomSecretsStoredOnlyAsBcryptHashes() throws Exception {
    Path dir = generated();

    Map<String, String[]> clear = new HashMap<>();
    for (String line : text(dir, "auth/clients.txt").split("\n")) {
      if (!line.startsWith("#")) {
        String[] fields = line.split(" ");
        clear.put(fields[0], fields);
      }
    }
    assertThat(clear.keySet())
        .containsExactlyInAnyOrder(
            "seal-clerk",
            "ssc-clerk",
            "auditor",
            "service-point",
            "admin",
            "portal",
            "accounting-clerk",
            "accounting-clerk-2");
    assertThat(clear.get("portal"))
        .containsExactly("portal", clear.get("portal")[1], "seal-clerk,auditor");
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(read(dir, "auth/clients.properties")));
    String hashes = text(dir, "auth/clients.properties");
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    for (int n = 0; n < clear.size(); n++) {
      String id = properties.getProperty("govchain.auth.clients[" + n + "].id");
      String[] fields = clear.get(id);
      String hash = properties.getProperty("govchain.auth.clients[" + n + "].secret");
      assertThat(hash).startsWith("{bcrypt}$2a$12$");
      assertThat(bcrypt.matches(fields[1], hash.substring("{bcrypt}".length()))).isTrue();
      assertThat(hashes).doesNotContain(fields[1]);
      assertThat(properties.getProperty("govchain.auth.clients[" + n + "].roles"))
          .isEqualTo(fields[2]);
      assertThat(properties.getProperty("govchain.auth.clients[" + n + "].unit"))
          .isEqualTo(fields.length == 4 ? fields[3] : null);
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("auth/clients.txt")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("auth")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(dir))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void thePortalGetsEachLogsOriginAndVerifierKeyItsClientSecretAndTheCreditCode() throws Exception {
    Path dir = generated();

    for (String log : List.of("seal", "ssc", "accounting")) {
      String prefix = "portal/GOVCHAIN_" + log.toUpperCase(java.util.Locale.ROOT) + "_LOG_";
      String origin = text(dir, log + "/GOVCHAIN_LOG_ORIGIN");
      assertThat(text(dir, prefix + "ORIGIN")).isEqualTo(origin);
      NoteSigner signer = NoteSigner.fromSignerKey(text(dir, log + "/GOVCHAIN_LOG_SIGNER_KEY"));
      String verifierKey = text(dir, prefix + "VERIFIER_KEY");
      assertThat(verifierKey).isEqualTo(signer.verifierKey()).doesNotContain("PRIVATE");
      NoteVerifier verifier = NoteVerifier.fromVerifierKey(verifierKey);
      assertThat(verifier.name()).isEqualTo(origin);
      assertThat(text(dir, "public/log-verifier-keys.txt").lines()).contains(verifierKey);
    }
    assertThat(text(dir, "portal/GOVCHAIN_PORTAL_CLIENT_SECRET"))
        .isEqualTo(InstallationSecrets.clientSecret(text(dir, "auth/clients.txt"), "portal"))
        .isNotBlank();
    assertThat(text(dir, "portal/GOVCHAIN_PORTAL_SEAL_CREDIT_CODE")).isEqualTo(ORGANISATION_CODE);
    assertThat(Files.getPosixFilePermissions(dir.resolve("portal")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void anInstallationMadeBeforeThePortalGetsItsClientAndKeepsEveryOtherSecret() throws Exception {
    Path dir = generated();
    // as an earlier version left it: no portal/ directory, no portal client
    String withoutPortal =
        text(dir, "auth/clients.txt")
                .lines()
                .filter(line -> !line.startsWith("portal "))
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow()
            + "\n";
    Files.writeString(dir.resolve("auth/clients.txt"), withoutPortal);
    Files.writeString(
        dir.resolve("auth/clients.properties"),
        InstallationSecrets.clientProperties(withoutPortal));
    try (var files = Files.list(dir.resolve("portal"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir.resolve("portal"));
    Map<String, byte[]> before = contents(dir);

    InstallationSecrets.Outcome outcome = secrets.generate(dir);

    assertThat(outcome.created())
        .containsExactlyInAnyOrder(
            dir.resolve("portal/GOVCHAIN_PORTAL_CLIENT_SECRET"),
            dir.resolve("portal/GOVCHAIN_PORTAL_SEAL_CREDIT_CODE"),
            dir.resolve("portal/GOVCHAIN_PORTAL_EVIDENCE_KEY"));
    assertThat(outcome.amended())
        .containsExactlyInAnyOrder(
            dir.resolve("auth/clients.txt"), dir.resolve("auth/clients.properties"));
    String clients = text(dir, "auth/clients.txt");
    assertThat(clients).startsWith(withoutPortal.strip());
    String portalSecret = InstallationSecrets.clientSecret(clients, "portal");
    assertThat(text(dir, "portal/GOVCHAIN_PORTAL_CLIENT_SECRET")).isEqualTo(portalSecret);
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(read(dir, "auth/clients.properties")));
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    int n = 0;
    while (properties.getProperty("govchain.auth.clients[" + n + "].id") != null) {
      String id = properties.getProperty("govchain.auth.clients[" + n + "].id");
      String hash = properties.getProperty("govchain.auth.clients[" + n + "].secret");
      assertThat(bcrypt.matches(InstallationSecrets.clientSecret(clients, id), hash.substring(8)))
          .as(id)
          .isTrue();
      n++;
    }
    assertThat(n).isEqualTo(8);
    assertThat(Files.getPosixFilePermissions(dir.resolve("auth/clients.txt")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    before.keySet().stream()
        .filter(name -> !name.startsWith("auth/clients."))
        .forEach(name -> assertThat(read(dir, name)).as(name).isEqualTo(before.get(name)));
  }

  @Test
  void theCreditCodeIsNeededOnceAndNeverContradicted() throws Exception {
    Path dir = temp.resolve("secrets");
    InstallationSecrets withoutCode =
        new InstallationSecrets("city.example", null, "Example City", null);

    assertThatThrownBy(() -> withoutCode.generate(dir))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("--organisation-code is needed");
    assertThat(dir).doesNotExist();

    copy(template, dir);
    assertThat(withoutCode.generate(dir).created()).isEmpty();
    Map<String, byte[]> before = contents(dir);
    // a valid code, but not the one recorded
    InstallationSecrets otherCode =
        new InstallationSecrets("city.example", null, "Example City", "91440300MA5F00001A");
    assertThatThrownBy(() -> otherCode.generate(dir))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("contradicts")
        .hasMessageContaining(ORGANISATION_CODE);
    assertThat(contents(dir)).containsOnlyKeys(before.keySet());
  }

  @Test
  void aPortalSecretThatIsNotTheClientsOwnIsRefused() throws Exception {
    Path dir = generated();
    Files.writeString(dir.resolve("portal/GOVCHAIN_PORTAL_CLIENT_SECRET"), "not-the-secret");

    assertThatThrownBy(() -> secrets.generate(dir))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("GOVCHAIN_PORTAL_CLIENT_SECRET is not the secret of the client")
        .hasMessageNotContaining("not-the-secret");
  }

  @Test
  void refusesBadOptions() {
    assertThatThrownBy(() -> new InstallationSecrets("City.Example", null, "x", null))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("--domain");
    assertThatThrownBy(() -> new InstallationSecrets("localhost", null, "x", null))
        .isInstanceOf(OperatorException.class);
    assertThatThrownBy(() -> new InstallationSecrets("city.example", "12345", "x", null))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("--accounting-unit");
    assertThatThrownBy(() -> new InstallationSecrets("city.example", null, "A, O=Evil", null))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("--organisation");
    // the last character is the check: one off is refused
    for (String code : List.of("91110108MA01GCH014", "91110108MA01GCH01", "91110108MA01GCH01O")) {
      assertThatThrownBy(() -> new InstallationSecrets("city.example", null, "x", code))
          .as(code)
          .isInstanceOf(OperatorException.class)
          .hasMessageContaining("--organisation-code");
    }
  }

  private static KeyStore load(Path dir, String name, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(read(dir, name)), password.toCharArray());
    return store;
  }

  private static byte[] block(String pem, String type) {
    int start = pem.indexOf("-----BEGIN " + type + "-----");
    int end = pem.indexOf("-----END " + type + "-----");
    assertThat(start).as(type).isNotNegative();
    return Base64.getMimeDecoder()
        .decode(pem.substring(start + ("-----BEGIN " + type + "-----").length(), end));
  }

  private static String text(Path dir, String name) {
    return new String(read(dir, name), StandardCharsets.UTF_8).strip();
  }

  private static byte[] read(Path dir, String name) {
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> contents = new HashMap<>();
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(dir.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return contents;
  }
}
