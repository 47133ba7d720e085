package org.govchain.anchor.spring.endtoend;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but the starter: its log, sequencer and anchorer all enabled. */
@SpringBootApplication
public class EndToEndTestApplication {}
