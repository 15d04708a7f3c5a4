# Outpost in a container: the same install and build steps as .ci/run (system packages for the
# native SQLite driver, npm_config_nodedir, npm install, npm run build), not the tests.
# Data lives in the /data volume; the server runs as the unprivileged "node" user. Litestream
# (continuous replication) comes with npm install; set LITESTREAM_REPLICA_URL to turn it on, and
# run `node scripts/tool.mjs standby --from REPLICA` as the command of a standby's first start.
# `docker build .` builds the server (the last stage); `docker build --target probe .` builds a
# probe agent alone (see the probe stages below).
FROM node:24-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# better-sqlite3 compiles against the image's own Node headers instead of downloading them.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

# A probe agent: Node and dist/probe.mjs, nothing else (no database, no Next, no native module).
# Bundling it needs only esbuild and zod, so nothing is compiled here (--ignore-scripts).
#   docker build --target probe -t outpost-probe .
#   docker run -d --restart=always --env-file probe.env -v outpost-probe:/data outpost-probe
# probe.env holds OUTPOST_PROBE_SERVER, OUTPOST_PROBE_NAME and OUTPOST_PROBE_TOKEN; results wait
# in the /data volume while the server is away.
FROM node:24-bookworm-slim AS probe-build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts
COPY . .
RUN node -e "import('./scripts/probe.mjs').then((m) => m.bundleProbe())"

FROM node:24-bookworm-slim AS probe
WORKDIR /probe
ENV NODE_ENV=production OUTPOST_PROBE_DATA_DIR=/data
COPY --from=probe-build /app/dist/probe.mjs /probe/probe.mjs
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# SIGTERM (docker stop) writes what waits to disk and exits 0.
ENTRYPOINT ["node", "/probe/probe.mjs"]

# The server (the default target).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATABASE_PATH=/data/outpost.db BACKUP_DIR=/data/backups
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "scripts/start.mjs"]
