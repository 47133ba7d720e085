package org.govchain.seal.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.govchain.seal.seals.SealImage;

/**
 * Seal images as PDF image streams, encoded once per image. Turning a PNG into a PDF image
 * (decoding it, then compressing its pixels and its alpha channel again) was a fifth of a sealing's
 * CPU (issue 15's profile); a seal stamps the same image on every document, so the encoded streams
 * are kept by the SHA-256 of the PNG's bytes and copied into each sealing's appearance.
 *
 * <p>What is kept is the image stream's encoded bytes and its dictionary (its soft mask likewise),
 * never a PDFBox object of another document. An image whose dictionary holds anything but names,
 * numbers, booleans and arrays or dictionaries of them (an ICC profile stream, say) is not kept and
 * is encoded for every sealing as before. At most {@link #MAX_IMAGES} images are kept, the least
 * recently used dropped first.
 */
final class EncodedSealImages {

  /** The most images kept (an encoded seal image is tens of KB). */
  static final int MAX_IMAGES = 128;

  private final Map<String, EncodedImage> images =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EncodedImage> eldest) {
              return size() > MAX_IMAGES;
            }
          });

  /** The seal's image as an image of {@code document}: a copy of the kept one, or made now. */
  PDImageXObject image(PDDocument document, SealImage image) throws IOException {
    String key = sha256(image.png());
    EncodedImage kept = images.get(key);
    if (kept != null) {
      return new PDImageXObject(new PDStream(kept.into(document)), null);
    }
    PDImageXObject made = PDImageXObject.createFromByteArray(document, image.png(), "seal.png");
    EncodedImage encoded = EncodedImage.of(made.getCOSObject());
    if (encoded != null) {
      images.put(key, encoded);
    }
    return made;
  }

  /** Images kept now. */
  int size() {
    return images.size();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** An image stream taken out of its document: dictionary entries, encoded bytes, soft mask. */
  private record EncodedImage(Map<COSName, COSBase> entries, byte[] encoded, EncodedImage mask) {

    /** The stream's parts, or {@code null} if its dictionary holds what is not copied. */
    static EncodedImage of(COSStream stream) throws IOException {
      Map<COSName, COSBase> entries = new LinkedHashMap<>();
      EncodedImage mask = null;
      for (COSName key : stream.keySet()) {
        COSBase value = stream.getDictionaryObject(key);
        if (COSName.LENGTH.equals(key)) {
          continue; // set again when the bytes are written
        }
        if (COSName.SMASK.equals(key) && value instanceof COSStream maskStream) {
          mask = of(maskStream);
          if (mask == null) {
            return null;
          }
          continue;
        }
        COSBase copy = copyOf(value);
        if (copy == null) {
          return null;
        }
        entries.put(key, copy);
      }
      try (InputStream in = stream.createRawInputStream()) {
        return new EncodedImage(Collections.unmodifiableMap(entries), in.readAllBytes(), mask);
      }
    }

    /** A new stream of {@code document} with these parts. */
    COSStream into(PDDocument document) throws IOException {
      COSStream stream = document.getDocument().createCOSStream();
      entries.forEach((key, value) -> stream.setItem(key, copyOf(value)));
      if (mask != null) {
        stream.setItem(COSName.SMASK, mask.into(document));
      }
      try (OutputStream out = stream.createRawOutputStream()) {
        out.write(encoded);
      }
      return stream;
    }

    /**
     * A copy that belongs to no document: names, numbers and booleans as they are (immutable),
     * arrays and dictionaries of them copied; {@code null} for anything else.
     */
    private static COSBase copyOf(COSBase value) {
      if (value instanceof COSName || value instanceof COSNumber || value instanceof COSBoolean) {
        return value;
      }
      if (value instanceof COSArray array) {
        COSArray copy = new COSArray();
        for (int i = 0; i < array.size(); i++) {
          COSBase item = copyOf(array.getObject(i));
          if (item == null) {
            return null;
          }
          copy.add(item);
        }
        return copy;
      }
      if (value instanceof COSDictionary dictionary && !(value instanceof COSStream)) {
        COSDictionary copy = new COSDictionary();
        for (COSName key : dictionary.keySet()) {
          COSBase item = copyOf(dictionary.getDictionaryObject(key));
          if (item == null) {
            return null;
          }
          copy.setItem(key, item);
        }
        return copy;
      }
      return null;
    }
  }
}
