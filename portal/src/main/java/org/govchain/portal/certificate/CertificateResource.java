package org.govchain.portal.certificate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /portal/api/certificates} issues the sealed evidence certificate of the record whose
 * bundle the caller may read ({@code {"bundleUrl": "/api/seal/seals/{id}/proof"}}, with the
 * caller's token); {@code GET /portal/api/evidence/{token}} (public) answers the bundle behind a
 * certificate's evidence link.
 */
@RestController
class CertificateResource {

  /**
   * A certificate request: the path of a record's proof bundle under the gateway (checked by the
   * service: a missing, blank or foreign path is 422 invalid-request naming {@code bundleUrl}).
   */
  record CertificateRequest(String bundleUrl) {}

  private final CertificateService certificates;

  CertificateResource(CertificateService certificates) {
    this.certificates = certificates;
  }

  @PostMapping(
      value = "/portal/api/certificates",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_PDF_VALUE)
  Mono<ResponseEntity<byte[]>> issue(
      @RequestBody CertificateRequest request,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    return certificates
        .issue(request.bundleUrl() == null ? null : request.bundleUrl().strip(), authorization)
        .map(
            issued ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_PDF)
                    .header("Certificate-Number", issued.number())
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename(issued.number() + ".pdf")
                            .build()
                            .toString())
                    .body(issued.pdf()));
  }

  @GetMapping(value = "/portal/api/evidence/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<byte[]>> evidence(@PathVariable String token) {
    return certificates
        .evidence(token)
        .map(bundle -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bundle));
  }
}
