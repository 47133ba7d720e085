# One image per GovChain application, from its Spring Boot jar (built first: ./mvnw -B package
# -DskipTests). Build from the repository root:
#
#   podman build --format docker -f infra/docker/app.Dockerfile \
#     --build-arg APP=seal-service --build-arg PORT=8081 -t govchain/seal-service:0.1.0 .
#
# BASE_IMAGE is any image with a Java 17 runtime, bash, groupadd and useradd: by default the public
# Eclipse Temurin JRE; the compose test passes one built here from Debian's packages.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:17-jre

FROM ${BASE_IMAGE} AS layers
ARG APP
WORKDIR /extract
COPY ${APP}/target/${APP}-0.1.0-SNAPSHOT.jar app.jar
# Spring Boot's layers, least changing first: a new build of the application only changes the last
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers

FROM ${BASE_IMAGE}
ARG APP
ARG PORT
ARG UID=10001
LABEL org.opencontainers.image.title="govchain-${APP}" \
      org.opencontainers.image.source="https://github.com/govchain/govchain" \
      org.opencontainers.image.licenses="Apache-2.0"
# a user of its own, no login, no home outside /app; /app/data for what the service keeps on disk
RUN groupadd --gid ${UID} govchain \
    && useradd --uid ${UID} --gid govchain --home-dir /app --no-create-home --no-log-init \
       --shell /usr/sbin/nologin govchain \
    && mkdir -p /app/data && chown govchain:govchain /app/data
WORKDIR /app
COPY --from=layers /extract/layers/dependencies/ ./
COPY --from=layers /extract/layers/spring-boot-loader/ ./
COPY --from=layers /extract/layers/snapshot-dependencies/ ./
COPY --from=layers /extract/layers/application/ ./
COPY infra/docker/healthcheck.sh /usr/local/bin/govchain-healthcheck
# The heap follows the container's memory limit; an out-of-memory error ends the JVM so that the
# runtime restarts the container instead of leaving it half-alive.
ENV GOVCHAIN_HEALTH_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC"
USER govchain
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["govchain-healthcheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
