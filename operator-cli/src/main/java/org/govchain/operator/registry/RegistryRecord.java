package org.govchain.operator.registry;

import java.util.Optional;

/** Where the installation's registry is recorded and the services read it. */
interface RegistryRecord {

  /** The recorded deployment, if any. */
  Optional<RegistryDeployment> read();

  /** Records a new deployment. */
  void write(RegistryDeployment deployment);
}
