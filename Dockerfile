# The bot's image: Node 20 on Debian. nodejieba and better-sqlite3 compile from source when no
# prebuilt binary can be downloaded, so the build stage has a C++ toolchain and Python; the
# runtime stage carries only what `npm ci` produced. TypeScript runs through tsx: no build step.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential python3 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev: the tests' emulator, Biome and TypeScript are not needed to run the bot.
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production LOG_FORMAT=json PAGES_DIR=/pages DATA_DIR=/data
RUN mkdir -p /pages /data && chown node:node /pages /data
USER node
# SIGTERM (docker stop) stops the bot cleanly: running handlers finish, databases close.
CMD ["node", "bin/main.mjs"]
