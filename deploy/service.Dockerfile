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
RUN useradd --system --uid 10001 --user-group hub
# Numeric, so Kubernetes can tell the user is not root (runAsNonRoot).
USER 10001:10001
# Alive: /healthz on the service's own port (<SERVICE>_PORT).
HEALTHCHECK --interval=10s --timeout=2s --start-period=20s --retries=3 CMD ["python", "-c", "import os, urllib.request; port = os.environ.get(os.environ['SERVICE'].upper() + '_PORT', '8000'); urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=2)"]
# Migrations run before the service starts; an advisory lock lets concurrent starts migrate one at a time.
CMD ["sh", "-c", "python -m $SERVICE migrate && exec python -m $SERVICE serve"]
