# Outpost in a container: the same install and build steps as .ci/run (system packages for the
# native SQLite driver, npm_config_nodedir, npm install, npm run build), not the tests.
# Data lives in the /data volume; the server runs as the unprivileged "node" user. Litestream
# (continuous replication) comes with npm install; set LITESTREAM_REPLICA_URL to turn it on, and
# run `node scripts/tool.mjs standby --from REPLICA` as the command of a standby's first start.
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
