package org.govchain.ssc.qr;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM blocks of the two kinds QR keys use: PKCS#8 "PRIVATE KEY" and X.509 "PUBLIC KEY". */
final class Pem {
  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String PUBLIC_KEY = "PUBLIC KEY";

  private Pem() {}

  /** One PEM block, lines of 64 characters. */
  static String encode(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /**
   * Every block of the text by type; text between blocks is ignored.
   *
   * @throws QrKeyException if a block is malformed or a type appears twice
   */
  static Map<String, byte[]> decode(String text) {
    Map<String, byte[]> blocks = new LinkedHashMap<>();
    try (PemReader reader = new PemReader(new StringReader(text))) {
      for (PemObject block = reader.readPemObject();
          block != null;
          block = reader.readPemObject()) {
        if (blocks.put(block.getType(), block.getContent()) != null) {
          throw new QrKeyException("more than one " + block.getType() + " block");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof QrKeyException known) {
        throw known;
      }
      throw new QrKeyException("malformed PEM: " + e.getMessage(), e);
    }
    return blocks;
  }

  /**
   * The one block of this type.
   *
   * @throws QrKeyException if there is none
   */
  static byte[] require(Map<String, byte[]> blocks, String type) {
    byte[] der = blocks.get(type);
    if (der == null) {
      throw new QrKeyException(
          "no " + type + " block (found " + String.join(", ", blocks.keySet()) + ")");
    }
    return der;
  }
}
