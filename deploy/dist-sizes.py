"""What each installed distribution costs on disk, largest first: `python deploy/dist-sizes.py [N]`.

Sums the files each distribution's RECORD lists that are still there (the image's build stage trims
some), so a package's bundled shared libraries (numpy.libs, pillow.libs) count towards it. Run inside
the image by deploy/check-image.sh (`docker run -i IMAGE python - < deploy/dist-sizes.py`).
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path


def sizes() -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []
    for dist in metadata.distributions():
        total = 0
        for file in dist.files or ():
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
        rows.append((total, f"{dist.metadata['Name']} {dist.version}"))
    return sorted(rows, reverse=True)


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    rows = sizes()
    everything = sum(size for size, _ in rows)
    for size, name in rows[:limit]:
        print(f"{size / 1e6:7.1f} MB  {name}")
    rest = rows[limit:]
    if rest:
        print(f"{sum(size for size, _ in rest) / 1e6:7.1f} MB  {len(rest)} others")
    print(f"{everything / 1e6:7.1f} MB  all {len(rows)} distributions")


if __name__ == "__main__":
    main()
