#!/bin/sh
# Builds (once) a Debian bullseye root holding a real Rasa 3.6 in a venv, for
# the real-Rasa test group.  Rasa 3.6 needs Python 3.8-3.10; bullseye ships 3.9.
#
#   integrations/rasa/rasa-root.sh [ROOT]    (default /var/cache/estatedesk-rasa/root)
#
# Needs root and debootstrap.  The mirror is the first Debian URI configured for
# apt on this host (ESTATEDESK_RASA_MIRROR overrides it).  The host's locally
# added CA certificates and a pip configuration trusting them are copied in, so
# pip inside the root reaches the package index the host reaches.  The root is a
# cache: it is kept between runs and never part of the repository.  A finished
# build leaves ROOT/.estatedesk-ready; a half-made one is removed and redone.
set -eu
ROOT=${1:-${ESTATEDESK_RASA_ROOT:-/var/cache/estatedesk-rasa/root}}
HERE=$(cd "$(dirname "$0")" && pwd)
CONSTRAINTS="$HERE/rasa-constraints.txt"

if [ -f "$ROOT/.estatedesk-ready" ] && cmp -s "$CONSTRAINTS" "$ROOT/.estatedesk-ready"; then
    echo "rasa root ready: $ROOT"
    exit 0
fi

mirror=${ESTATEDESK_RASA_MIRROR:-}
if [ -z "$mirror" ]; then
    mirror=$(grep -h -o -E 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1 || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

if [ ! -x "$ROOT/usr/bin/python3" ] || [ ! -f "$ROOT/.estatedesk-base" ]; then
    rm -rf "$ROOT"
    mkdir -p "$(dirname "$ROOT")"
    debootstrap --variant=minbase \
        --include=python3,python3-venv,python3-pip,ca-certificates,libgomp1 \
        bullseye "$ROOT" "$mirror"
    touch "$ROOT/.estatedesk-base"
fi

# The host's own CA certificates, so TLS inside the root trusts what the host trusts.
if [ -d /usr/local/share/ca-certificates ]; then
    mkdir -p "$ROOT/usr/local/share/ca-certificates"
    cp -a /usr/local/share/ca-certificates/. "$ROOT/usr/local/share/ca-certificates/"
fi
chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin update-ca-certificates >/dev/null
mkdir -p "$ROOT/etc"
printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\ndisable-pip-version-check = true\ntimeout = 180\n' > "$ROOT/etc/pip.conf"

cp "$CONSTRAINTS" "$ROOT/tmp/rasa-constraints.txt"
run() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
[ -x "$ROOT/opt/rasa/bin/python" ] || run python3 -m venv /opt/rasa
run /opt/rasa/bin/pip install -q --upgrade "pip<24.1" "setuptools<70" wheel
run /opt/rasa/bin/pip install -q -c /tmp/rasa-constraints.txt "rasa==3.6.*"
run /opt/rasa/bin/rasa --version
cp "$CONSTRAINTS" "$ROOT/.estatedesk-ready"
echo "rasa root ready: $ROOT"
