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
ENV SERVICE=${SERVICE} PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 HUB_TOPICS_FILE=/etc/partnership-hub/topics.yaml
COPY --from=build /venv /venv
# The topics command (python -m shared.events.topics) reads the declared topics from here.
COPY deploy/topics.yaml /etc/partnership-hub/topics.yaml
RUN useradd --system --uid 10001 hub
USER hub
# Migrations run before the service starts; an advisory lock lets concurrent starts migrate one at a time.
CMD ["sh", "-c", "python -m $SERVICE migrate && exec python -m $SERVICE serve"]
