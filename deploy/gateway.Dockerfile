# The gateway image: the supergraph is composed at build time from the services' exported SDL.
FROM python:3.11-slim AS sdl
WORKDIR /src
COPY constraints.txt ./
COPY shared ./shared
COPY services ./services
RUN pip install --no-cache-dir -c constraints.txt ./shared ./services/menu ./services/programmes ./services/capacity \
 && mkdir /sdl && for s in menu programmes capacity; do python -m $s sdl > /sdl/$s.graphql; done

FROM node:20-slim AS compose
ARG MENU_URL=http://menu:8001/graphql
ARG PROGRAMMES_URL=http://programmes:8002/graphql
ARG CAPACITY_URL=http://capacity:8003/graphql
WORKDIR /gateway
COPY gateway/package.json gateway/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY gateway/compose.mjs gateway/gateway.config.ts gateway/error-codes.ts gateway/limits.ts gateway/trusted-documents.ts ./
COPY --from=sdl /sdl /sdl
RUN node compose.mjs "menu=${MENU_URL}=/sdl/menu.graphql" "programmes=${PROGRAMMES_URL}=/sdl/programmes.graphql" \
    "capacity=${CAPACITY_URL}=/sdl/capacity.graphql"

FROM node:20-slim
WORKDIR /gateway
COPY --from=compose /gateway ./
USER node
EXPOSE 4000
CMD ["node_modules/.bin/hive-gateway", "supergraph", "supergraph.graphql", "-c", "gateway.config.ts", "--host", "0.0.0.0", "--port", "4000"]
