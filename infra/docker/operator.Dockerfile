# govchain-operator in a container: the registry-setup job of the compose stack and the
# registry-setup Job on Kubernetes (`registry-setup …`), and `secrets` where an operator has no JDK.
# Build from the repository root after `./mvnw -B package -DskipTests` (infra/docker/build-images.sh
# does both):
#
#   podman build --format docker -f infra/docker/operator.Dockerfile -t govchain/operator:0.1.0 .
#
# BASE_IMAGE is any image with a Java 17 runtime (with keytool), groupadd and useradd.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
ARG UID=10001
LABEL org.opencontainers.image.title="govchain-operator" \
      org.opencontainers.image.source="https://github.com/govchain/govchain" \
      org.opencontainers.image.licenses="Apache-2.0"
# /registry: where registry-setup records the registry under compose (a named volume, which takes
# this directory's owner on its first mount)
RUN groupadd --gid ${UID} govchain \
    && useradd --uid ${UID} --gid govchain --home-dir /app --no-create-home --no-log-init \
       --shell /usr/sbin/nologin govchain \
    && mkdir -p /app /registry && chown govchain:govchain /registry
COPY operator-cli/target/govchain-operator.jar /app/govchain-operator.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC"
USER govchain
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/govchain-operator.jar"]
CMD ["--help"]
