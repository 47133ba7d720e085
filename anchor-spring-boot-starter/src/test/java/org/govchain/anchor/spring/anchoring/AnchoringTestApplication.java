package org.govchain.anchor.spring.anchoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application using the starter's anchoring. The log's own auto-configuration (the
 * sequencer) is left out: these tests play the sequencer by writing checkpoints with SQL.
 */
@SpringBootApplication(excludeName = "org.govchain.anchor.spring.log.LogAutoConfiguration")
class AnchoringTestApplication {}
