#!/usr/bin/env bash
# Until the first release ships, the whole schema lives in revision 0001 and is regenerated
# from the models. After a release, add new revisions with `alembic revision --autogenerate`.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
rm -f jewelbench/migrations/versions/0001_initial_schema.py
JEWELBENCH_DB_URL="sqlite:///$tmp/gen.sqlite3" .venv/bin/alembic revision --autogenerate \
    -m "initial schema" --rev-id 0001 >/dev/null
sed -i -e 's/^Create Date: .*/Create Date: (regenerated from the models)/' \
    -e '/# ### .* ###/d' jewelbench/migrations/versions/0001_initial_schema.py
.venv/bin/ruff format -q jewelbench/migrations/versions/0001_initial_schema.py
rm -rf "$tmp"
echo "regenerated jewelbench/migrations/versions/0001_initial_schema.py"
