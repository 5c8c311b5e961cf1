# estatedesk: a runnable image. Configure with ESTATEDESK_* variables (see README, "Production quick start").
#
# Two stages: the build stage installs the runtime lock (requirements-runtime.lock: no test or lint tools)
# into a virtualenv with uv; the final stage copies that virtualenv alone, so no installer, compiler or
# build cache ships. Build:  docker build -t estatedesk .
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
# Lets `docker image prune --filter label=org.estatedesk.stage=build` find this stage's leftovers.
LABEL org.estatedesk.stage=build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
# uv only here: it installs exactly what the lock pins, in seconds.
RUN python -m pip install "uv==0.13.*" && python -m venv --without-pip /opt/estatedesk
# The system's CA store, as pip uses it (uv's own roots would refuse a TLS-inspecting proxy).
ENV VIRTUAL_ENV=/opt/estatedesk UV_NATIVE_TLS=1
COPY requirements-runtime.lock ./
RUN python -m uv pip install --python /opt/estatedesk/bin/python --no-cache --no-deps -r requirements-runtime.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY integrations ./integrations
# Trimmed: the packages' own test suites (scipy, scikit-learn, numpy, matplotlib) and typing stubs and
# Cython headers, none of which runs. No bytecode is shipped (it would add ~150 MB): each container
# compiles what it imports once, into PYTHONPYCACHEPREFIX (see below).
RUN python -m uv pip install --python /opt/estatedesk/bin/python --no-cache --no-deps . \
    && site=$(/opt/estatedesk/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])") \
    && for pkg in scipy sklearn numpy matplotlib; do \
         find "$site/$pkg" -depth -type d -name tests -exec rm -rf {} +; done \
    && find /opt/estatedesk \( -name '*.pyc' -o -name '*.pyi' -o -name '*.pxd' \) -delete \
    && find /opt/estatedesk -depth -type d -name __pycache__ -exec rm -rf {} +

FROM ${PYTHON_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="estatedesk" \
      org.opencontainers.image.description="Customer-service desk for property-management companies: repairs, bills, complaints on Telegram" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://github.com/estatedesk/estatedesk"

# The base image's pip is an installer too: it goes (nothing is installed at run time).
RUN (python -m pip uninstall -y -q pip setuptools wheel >/dev/null 2>&1 || true) \
    && useradd --system --create-home --home-dir /home/estatedesk --shell /usr/sbin/nologin estatedesk \
    && mkdir -p /data /home/estatedesk/.cache/matplotlib \
    && chown -R estatedesk:estatedesk /data /home/estatedesk
COPY --from=build /opt/estatedesk /opt/estatedesk

# /data holds the SQLite file (var/estatedesk.sqlite3) and the demo's: mount a volume there.
# HOME and the caches are writable (matplotlib keeps its font cache there).
ENV PATH=/opt/estatedesk/bin:$PATH \
    PYTHONUNBUFFERED=1 PYTHONPYCACHEPREFIX=/home/estatedesk/.cache/pycache \
    HOME=/home/estatedesk XDG_CACHE_HOME=/home/estatedesk/.cache MPLCONFIGDIR=/home/estatedesk/.cache/matplotlib \
    ESTATEDESK_LISTEN_HOST=0.0.0.0 DEMO_HOST=0.0.0.0
# Inside the container every interface is the container's own; publish the port deliberately.
WORKDIR /data
VOLUME ["/data"]
USER estatedesk
EXPOSE 8080
# Asks /healthz on the configured port (ESTATEDESK_PORT, or DEMO_PORT for `estatedesk demo`).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["python", "-m", "bot.healthcheck"]
CMD ["estatedesk", "run"]
