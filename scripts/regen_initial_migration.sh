#!/usr/bin/env bash
# Until the first release ships, the tables live in revision 0001, regenerated from the models;
# hand-written revisions after it (search indexes, deferred keys) are kept as they are.
# After a release, add new revisions with `alembic revision --autogenerate` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
versions=jewelbench/migrations/versions
mkdir "$tmp/later"
for f in "$versions"/0*.py; do
    [ "$(basename "$f")" = 0001_initial_schema.py ] || mv "$f" "$tmp/later/"
done
rm -f "$versions/0001_initial_schema.py"
trap 'mv "$tmp"/later/*.py "$versions"/ 2>/dev/null; rm -rf "$tmp"' EXIT
JEWELBENCH_DB_URL="sqlite:///$tmp/gen.sqlite3" .venv/bin/alembic revision --autogenerate \
    -m "initial schema" --rev-id 0001 >/dev/null
sed -i -e 's/^Create Date: .*/Create Date: (regenerated from the models)/' \
    -e '/# ### .* ###/d' "$versions/0001_initial_schema.py"
.venv/bin/ruff check -q --fix --select I "$versions/0001_initial_schema.py" || true
.venv/bin/ruff format -q "$versions/0001_initial_schema.py"
echo "regenerated $versions/0001_initial_schema.py"
