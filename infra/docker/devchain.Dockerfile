# The dev chain of GovChain's compose stack: ganache 7.9.2 (pinned by devchain/package-lock.json),
# chain id 31337, blocks kept in /chain (a volume), the deterministic funding account ganache's
# public mnemonic gives (dev only: it funds the registry owner and the submitters, and owns
# nothing). The same flags as `./govchain up`'s dev chain, listening on every interface.
#
# node_modules comes from the build context, installed by build-images.sh with `npm ci`, so the
# base needs only Node.js: by default the public Node.js 20 image; the compose test passes one
# built here from Debian's packages.
ARG BASE_IMAGE=docker.io/library/node:20-bookworm-slim
FROM ${BASE_IMAGE}
ARG UID=10001
RUN groupadd --gid ${UID} govchain \
    && useradd --uid ${UID} --gid govchain --home-dir /devchain --no-create-home --no-log-init \
       --shell /usr/sbin/nologin govchain \
    && mkdir -p /chain && chown govchain:govchain /chain
WORKDIR /devchain
COPY infra/docker/devchain/package.json infra/docker/devchain/package-lock.json ./
COPY infra/docker/devchain/node_modules ./node_modules
COPY infra/docker/devchain/healthcheck.js ./
USER govchain
EXPOSE 8545
VOLUME /chain
HEALTHCHECK --interval=5s --timeout=4s --start-period=30s --retries=3 CMD ["node", "healthcheck.js"]
ENTRYPOINT ["node", "node_modules/ganache/dist/node/cli.js", "--chain.chainId", "31337", \
            "--server.host", "0.0.0.0", "--server.port", "8545", "--database.dbPath", "/chain", \
            "--wallet.deterministic", "--wallet.totalAccounts", "1", "--logging.quiet"]
