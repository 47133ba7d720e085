package org.govchain.anchor.spring.log;

import java.net.URI;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The log API of DESIGN §5 under {@code {govchain.log.api.prefix}/log}. */
@RestController
@RequestMapping("${govchain.log.api.prefix:}/log")
class LogResource {

  private final LogReader reader;

  LogResource(LogReader reader) {
    this.reader = reader;
  }

  @GetMapping("/checkpoint")
  Mono<LogCheckpoint> latestCheckpoint() {
    return reader.latestCheckpoint();
  }

  @GetMapping("/checkpoints/{size}")
  Mono<LogCheckpoint> checkpoint(@PathVariable long size) {
    return reader.checkpoint(size);
  }

  @GetMapping("/proofs/inclusion")
  Mono<InclusionProof> inclusionProof(@RequestParam long index, @RequestParam long size) {
    return reader.inclusionProof(index, size);
  }

  @GetMapping("/proofs/consistency")
  Mono<ConsistencyProof> consistencyProof(@RequestParam long from, @RequestParam long to) {
    return reader.consistencyProof(from, to);
  }

  @GetMapping("/entries/{index}")
  Mono<LogEntry> entry(@PathVariable long index) {
    return reader.entry(index);
  }

  @GetMapping("/entries/{index}/bundle")
  Mono<ResponseEntity<byte[]>> bundle(@PathVariable long index) {
    return reader
        .bundleForLeaf(index)
        .map(
            bundle ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ProofBundleJson.write(bundle)));
  }

  @ExceptionHandler(LogQueryException.class)
  ResponseEntity<ProblemDetail> logProblem(LogQueryException e, ServerHttpRequest request) {
    ProblemDetail body = e.getBody();
    body.setInstance(URI.create(request.getPath().value()));
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> malformed(ServerWebInputException e, ServerHttpRequest request) {
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    body.setType(URI.create(ProblemKind.TYPE_BASE + "malformed-request"));
    body.setTitle("Malformed request");
    body.setDetail(e.getReason());
    body.setInstance(URI.create(request.getPath().value()));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
