"""The container's health check: ``python -m bot.healthcheck`` asks ``/healthz`` on the configured port.

Reads the same environment as the process it checks: ``ESTATEDESK_PORT`` and ``ESTATEDESK_LISTEN_HOST`` for
``estatedesk run``, ``DEMO_PORT`` and ``DEMO_HOST`` for ``estatedesk demo`` (a container runs one of them, so
either answering 200 is healthy). Standard library only: it starts in a few milliseconds.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

DEFAULT_PORT = "8080"
# A bind on every interface is asked on the loopback one.
_ANY = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}


def _url(host: str, port: str) -> str:
    host = _ANY.get(host, host)
    return f"http://[{host}]:{port}/healthz" if ":" in host else f"http://{host}:{port}/healthz"


def targets(env: dict[str, str]) -> list[str]:
    """The addresses to ask, without repeats: the bot's, then the demo's."""
    urls = [
        _url(env.get("ESTATEDESK_LISTEN_HOST", "127.0.0.1").strip(), env.get("ESTATEDESK_PORT", DEFAULT_PORT).strip()),
        _url(env.get("DEMO_HOST", "127.0.0.1").strip(), env.get("DEMO_PORT", DEFAULT_PORT).strip() or DEFAULT_PORT),
    ]
    return list(dict.fromkeys(urls))


def check(urls: list[str], timeout: float = 4.0) -> tuple[bool, str]:
    """Healthy when one of ``urls`` answers 200; otherwise what each said."""
    said = []
    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:
                return True, f"{url}: {resp.status}"
        except urllib.error.HTTPError as exc:
            said.append(f"{url}: {exc.code} {exc.read(200).decode('utf-8', 'replace').strip()}")
        except (OSError, ValueError) as exc:
            said.append(f"{url}: {getattr(exc, 'reason', exc)}")
    return False, "; ".join(said)


def main() -> int:
    ok, said = check(targets(dict(os.environ)))
    print(said)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
