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
# uv only here: it installs exactly what the lock pins, in seconds. binutils for `strip` (below).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils \
    && rm -rf /var/lib/apt/lists/* \
    && python -m pip install "uv==0.13.*" && python -m venv --without-pip /opt/estatedesk
# The system's CA store, as pip uses it (uv's own roots would refuse a TLS-inspecting proxy).
ENV VIRTUAL_ENV=/opt/estatedesk UV_NATIVE_TLS=1
COPY requirements-runtime.lock ./
# The lock, then trimmed of what never runs (deploy/check-image.sh lists what each distribution costs after
# this): the packages' own test suites; typing stubs, Cython and C sources and headers (numpy's, to build
# extensions against it), static libraries; numpy's tools to build extensions (f2py, distutils); the CLDR
# data of locales estatedesk does not speak (Babel keeps root and every en* and zh* locale, so any estate
# region still formats); matplotlib's sample data and browser backend (charts are drawn with Agg); of
# Twilio's REST client, all but the API estatedesk calls (2010-04-01, where calls are placed and ended:
# integrations/telephony/rest.py), not the 35 other products' generated code (30 MB with its bytecode);
# the debugging symbols of the compiled extensions (uvloop's alone are 12 MB; the libraries vendored in
# *.libs stay as their wheels made them). Then the bytecode, once, here, so no container compiles at
# start: unchecked-hash .pyc, as the image's files never change.
RUN python -m uv pip install --python /opt/estatedesk/bin/python --no-cache --no-deps -r requirements-runtime.lock \
    && site=$(/opt/estatedesk/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])") \
    && find "$site" -depth -type d -name tests -exec rm -rf {} + \
    && find /opt/estatedesk \( -name '*.pyc' -o -name '*.pyi' -o -name '*.pxd' -o -name '*.pyx' -o -name '*.pxi' \
         -o -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.hpp' \) -delete \
    && find /opt/estatedesk -depth -type d -name __pycache__ -exec rm -rf {} + \
    && find "$site/babel/locale-data" -name '*.dat' ! -name 'root.dat' ! -name 'en*' ! -name 'zh*' -delete \
    && rm -rf "$site/matplotlib/mpl-data/sample_data" "$site/matplotlib/backends/web_backend" \
              "$site/numpy/f2py" "$site/numpy/distutils" /opt/estatedesk/bin/f2py \
    && find "$site" -name '*.a' -delete \
    && find "$site/twilio/rest" -mindepth 1 -maxdepth 1 -type d ! -name api -exec rm -rf {} + \
    && find /opt/estatedesk -name '*.so' ! -path '*.libs/*' -exec strip --strip-debug {} + \
    && /opt/estatedesk/bin/python -m compileall -q -j 0 --invalidation-mode unchecked-hash "$site"
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY integrations ./integrations
# With the bytecode, the understander's patterns compiled once (bot.nlu.patterns keeps the engine's code in
# bot/nlu/__pycache__ as Python keeps bytecode): the desk's user cannot write there, and would otherwise compile
# them at every start (about half a second).
RUN python -m uv pip install --python /opt/estatedesk/bin/python --no-cache --no-deps . \
    && site=$(/opt/estatedesk/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])") \
    && /opt/estatedesk/bin/python -m compileall -q -j 0 --invalidation-mode unchecked-hash \
         "$site/bot" "$site/dialogs" "$site/integrations" \
    && cd / && /opt/estatedesk/bin/python -c "import bot.nlu.model" \
    && ls "$site"/bot/nlu/__pycache__/nlu-patterns.*.marshal

FROM ${PYTHON_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="estatedesk" \
      org.opencontainers.image.description="Customer-service desk for property-management companies: repairs, bills, complaints on Telegram" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://github.com/estatedesk/estatedesk"

# A CJK font (5 MB) for the report charts: building, department and category names are Chinese as often
# as not, and matplotlib's own fonts have no CJK glyphs. The base image's pip is an installer too: it goes
# (nothing is installed at run time).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei \
    && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
    && (python -m pip uninstall -y -q pip setuptools wheel >/dev/null 2>&1 || true) \
    && useradd --system --create-home --home-dir /home/estatedesk --shell /usr/sbin/nologin estatedesk \
    && mkdir -p /data /home/estatedesk/.cache/matplotlib \
    && chown -R estatedesk:estatedesk /data /home/estatedesk
COPY --from=build /opt/estatedesk /opt/estatedesk

# /data holds the SQLite file (var/estatedesk.sqlite3) and the demo's: mount a volume there.
# HOME and the caches are writable (matplotlib keeps its font cache there). The bytecode is in the image:
# nothing writes any at run time.
ENV PATH=/opt/estatedesk/bin:$PATH \
    PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    HOME=/home/estatedesk XDG_CACHE_HOME=/home/estatedesk/.cache MPLCONFIGDIR=/home/estatedesk/.cache/matplotlib \
    ESTATEDESK_LISTEN_HOST=0.0.0.0 DEMO_HOST=0.0.0.0
# Inside the container every interface is the container's own; publish the port deliberately.
WORKDIR /data
USER estatedesk
# matplotlib's font cache, made once here instead of at each new container's start (a second, every time).
RUN python -c "import matplotlib.font_manager"
# The understander's weights, trained once here (about two minutes of CPU) so that a container starts in a
# second. They lie where the desk reads them (ESTATEDESK_NLU_CACHE, var/nlu-model.npz under /data): a new named
# volume starts with them; a bind mount trains at its first start and keeps the file. Before VOLUME, or Docker
# drops them.
RUN mkdir -p /data/var && estatedesk --log-level WARNING nlu train --shipped-only --cache /data/var/nlu-model.npz
VOLUME ["/data"]
EXPOSE 8080
# Asks /healthz on the configured port (ESTATEDESK_PORT, or DEMO_PORT for `estatedesk demo`).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["python", "-m", "bot.healthcheck"]
CMD ["estatedesk", "run"]
