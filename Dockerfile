# dondoc — production image (issue #15; docs/operations.md). Build: docker build -t dondoc .
# Stage 1 compiles the server (tsc → dist/, its entry bundled by esbuild) and builds the SPA (vite → web/dist) with every dependency;
# stage 2 holds the compiled output and the runtime dependencies only, runs as an unprivileged user.

FROM node:22-trixie-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-trixie-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-trixie-slim
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DONDOC_DATA_DIR=/var/lib/dondoc
WORKDIR /app
# pg_dump/pg_restore for `dondoc backup|restore` against PostgreSQL: Debian 13's client (17) reads
# servers 9.2–17, the PostgreSQL 16 of compose.yaml included; tesseract (+ Vietnamese) and poppler's
# pdftoppm read scanned plans by OCR (src/modules/import/readers/ocr-reader.ts)
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client tesseract-ocr tesseract-ocr-vie poppler-utils \
 && rm -rf /var/lib/apt/lists/*
# the image's own user (uid 10001), owner of the data folder only; the code stays root's, read-only to it
RUN groupadd --system --gid 10001 dondoc \
 && useradd --system --uid 10001 --gid dondoc --home-dir /var/lib/dondoc --shell /usr/sbin/nologin dondoc \
 && install -d -o dondoc -g dondoc -m 0700 /var/lib/dondoc
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/package.json ./
COPY --from=build /src/bin ./bin
COPY --from=build /src/dist ./dist
COPY --from=build /src/web/dist ./web/dist
RUN ln -s /app/bin/dondoc.mjs /usr/local/bin/dondoc
USER dondoc
VOLUME ["/var/lib/dondoc"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server/main.js"]
