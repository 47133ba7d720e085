package org.govchain.seal.sealing.web;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/** Reads the parts of a multipart upload, with size limits (413) and field errors (422). */
public final class Uploads {
  private Uploads() {}

  /**
   * The bytes of file part {@code name}, at most {@code maxBytes}; 422 if absent, 413 if larger.
   */
  public static Mono<byte[]> file(MultiValueMap<String, Part> parts, String name, long maxBytes) {
    Part part = parts.getFirst(name);
    if (part == null) {
      return Mono.error(ProblemException.invalidField(name, "a file part is required"));
    }
    return optionalFile(parts, name, maxBytes);
  }

  /** Like {@link #file}, or empty if there is no such part. */
  public static Mono<byte[]> optionalFile(
      MultiValueMap<String, Part> parts, String name, long maxBytes) {
    Part part = parts.getFirst(name);
    if (part == null) {
      return Mono.empty();
    }
    int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
    return DataBufferUtils.join(part.content(), limit)
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            })
        .defaultIfEmpty(new byte[0])
        .onErrorMap(
            DataBufferLimitException.class,
            e ->
                new ProblemException(
                    ProblemType.TOO_LARGE,
                    "part " + name + " exceeds " + maxBytes + " bytes",
                    Map.of("part", name, "maxBytes", maxBytes)));
  }

  /** The text of a form field, or null. */
  public static String field(MultiValueMap<String, Part> parts, String name) {
    Part part = parts.getFirst(name);
    if (part instanceof FormFieldPart field) {
      return field.value();
    }
    if (part instanceof FilePart) {
      throw ProblemException.invalidField(name, "must be a form field, not a file");
    }
    return null;
  }

  /** A required integer field. */
  public static int intField(MultiValueMap<String, Part> parts, String name) {
    String text = field(parts, name);
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(name, "is required");
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be an integer");
    }
  }

  /** A required finite number field. */
  public static double numberField(MultiValueMap<String, Part> parts, String name) {
    String text = field(parts, name);
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(name, "is required");
    }
    try {
      double value = Double.parseDouble(text.strip());
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be a number");
    }
  }
}
