# The gateway image: the supergraph is composed at build time from the services' exported SDL.
FROM python:3.11-slim AS sdl
WORKDIR /src
COPY constraints.txt ./
COPY shared ./shared
COPY services ./services
RUN pip install --no-cache-dir -c constraints.txt ./shared ./services/menu ./services/programmes ./services/capacity \
 && mkdir /sdl && for s in menu programmes capacity; do python -m $s sdl > /sdl/$s.graphql; done

FROM node:22-slim AS compose
ARG MENU_URL=http://menu:8001/graphql
ARG PROGRAMMES_URL=http://programmes:8002/graphql
ARG CAPACITY_URL=http://capacity:8003/graphql
WORKDIR /gateway
COPY gateway/package.json gateway/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
# The configuration and every module of ours it imports.
COPY gateway/compose.mjs gateway/*.ts ./
COPY --from=sdl /sdl /sdl
RUN node compose.mjs "menu=${MENU_URL}=/sdl/menu.graphql" "programmes=${PROGRAMMES_URL}=/sdl/programmes.graphql" \
    "capacity=${CAPACITY_URL}=/sdl/capacity.graphql"

FROM node:22-slim
WORKDIR /gateway
COPY --from=compose /gateway ./
RUN groupadd --system --gid 10001 hub && useradd --system --uid 10001 --gid hub hub
# Numeric, so Kubernetes can tell the user is not root (runAsNonRoot); high, apart from the host's users.
USER 10001:10001
EXPOSE 4000 9400
HEALTHCHECK --interval=10s --timeout=2s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthcheck').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/hive-gateway", "supergraph", "supergraph.graphql", "-c", "gateway.config.ts", "--host", "0.0.0.0", "--port", "4000"]
