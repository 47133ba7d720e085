package org.govchain.bench.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Ed25519 verification of a 70-byte message (a QR payload's signed part), per second on one
 * thread: the JDK's provider as the card service used it (a {@code Signature} per call) against
 * BouncyCastle's RFC 8032 code with the key's point decoded once (what it uses now).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class Ed25519Benchmark {

  private KeyPair keys;
  private Ed25519PublicKeyParameters point;
  private final byte[] message = new byte[70];
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 31);
    }
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(keys.getPrivate());
    signer.update(message);
    signature = signer.sign();
    point =
        new Ed25519PublicKeyParameters(
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
                .getPublicKeyData()
                .getOctets());
    if (!jdkProvider() || !bouncyCastlePreparedKey()) {
      throw new IllegalStateException("both must accept the signature");
    }
  }

  @Benchmark
  public boolean jdkProvider() throws Exception {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(keys.getPublic());
    verifier.update(message);
    return verifier.verify(signature);
  }

  @Benchmark
  public boolean bouncyCastlePreparedKey() {
    return point.verify(
        org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
        null,
        message,
        0,
        message.length,
        signature,
        0);
  }
}
