# estatedesk: a runnable image. Configure with ESTATEDESK_* variables (see README).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements.lock ./
RUN pip install --no-cache-dir "uv==0.13.*" \
    && uv pip install --system --no-cache -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY integrations ./integrations
RUN uv pip install --system --no-cache --no-deps . \
    && useradd --system --home /app estatedesk && mkdir -p /app/var && chown estatedesk /app/var

USER estatedesk
# Inside the container every interface is the container's own; publish the port deliberately.
ENV ESTATEDESK_LISTEN_HOST=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)" || exit 1
CMD ["estatedesk", "run"]
