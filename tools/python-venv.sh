#!/usr/bin/env bash
# The Python that the export tests read exports back with (networkx): .venv/ (git-ignored), pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import networkx; assert networkx.__version__ == "3.6.1"' 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check networkx==3.6.1
fi
.venv/bin/python -c 'import networkx, sys; print("python", sys.version.split()[0], "networkx", networkx.__version__)'
