# One image recipe for every Python service: docker build --build-arg SERVICE=menu -f deploy/service.Dockerfile .
FROM python:3.11-slim AS build
ARG SERVICE
WORKDIR /src
COPY constraints.txt ./
COPY shared ./shared
COPY services/${SERVICE} ./services/${SERVICE}
RUN python -m venv /venv \
 && /venv/bin/pip install --no-cache-dir -c constraints.txt ./shared ./services/${SERVICE}

FROM python:3.11-slim
ARG SERVICE
ENV SERVICE=${SERVICE} PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1
COPY --from=build /venv /venv
RUN useradd --system --uid 10001 hub
USER hub
# Migrations run before the service starts; Alembic serialises concurrent starts with its version table.
CMD ["sh", "-c", "python -m $SERVICE migrate && exec python -m $SERVICE serve"]
