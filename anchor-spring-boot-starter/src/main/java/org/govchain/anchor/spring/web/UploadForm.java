package org.govchain.anchor.spring.web;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.validation.TextRules;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The parts of one multipart upload ({@link Uploads#read}): files with their own size limits (413
 * {@code too-large}) and form fields, a missing or ill-typed one answered 422 {@code
 * invalid-request} naming the field. A form field's text follows anchor-web's {@link TextRules}
 * (one line, no control or bidi character, no unpaired surrogate), as a JSON field does.
 */
public final class UploadForm {

  private final MultiValueMap<String, Part> parts;

  /**
   * The form of {@code parts}.
   *
   * @throws ProblemException 422 {@code invalid-request} naming the field when a name comes twice:
   *     which of the two counts is the reader's guess, and a gateway or a log may have read the
   *     other
   */
  public UploadForm(MultiValueMap<String, Part> parts) {
    for (Map.Entry<String, java.util.List<Part>> entry : parts.entrySet()) {
      if (entry.getValue().size() > 1) {
        throw ProblemException.invalidField(entry.getKey(), "must be given once");
      }
    }
    this.parts = parts;
  }

  /**
   * The bytes of file part {@code name}, at most {@code maxBytes}; 422 if absent, 413 if larger.
   */
  public Mono<byte[]> file(String name, long maxBytes) {
    if (parts.getFirst(name) == null) {
      return Mono.error(ProblemException.invalidField(name, "a file part is required"));
    }
    return optionalFile(name, maxBytes);
  }

  /** Like {@link #file}, or empty if there is no such part. */
  public Mono<byte[]> optionalFile(String name, long maxBytes) {
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
                    Uploads.TOO_LARGE,
                    "part " + name + " exceeds " + maxBytes + " bytes",
                    Map.of("part", name, "maxBytes", maxBytes)));
  }

  /**
   * The text of form field {@code name}, or null if absent; 422 if it is a file or breaks {@link
   * TextRules} (the message names the rule, not the text).
   */
  public String field(String name) {
    Part part = parts.getFirst(name);
    if (part instanceof FormFieldPart field) {
      String value = field.value();
      TextRules.defect(value, false)
          .ifPresent(
              defect -> {
                throw ProblemException.invalidField(name, defect.message());
              });
      return value;
    }
    if (part instanceof FilePart) {
      throw ProblemException.invalidField(name, "must be a form field, not a file");
    }
    return null;
  }

  /** A required integer field. */
  public int intField(String name) {
    String text = required(name);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be an integer");
    }
  }

  /** A required finite number field. */
  public double numberField(String name) {
    String text = required(name);
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalidField(name, "must be a number");
  }

  private String required(String name) {
    String text = field(name);
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(name, "is required");
    }
    return text.strip();
  }
}
