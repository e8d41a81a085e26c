#!/usr/bin/env bash
# Wait-time estimator simulator: runs Parley's estimators over a simulated queue and scores them.
#   bench/ewt-sim.sh SCENARIO.json [--json]
# The scenario format and the ready-made scenarios in bench/scenarios/ are explained in docs/status.md.
# Builds the classes once (mvn test-compile) and runs from them; kept out of `mvn verify`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ]; then
	echo "usage: bench/ewt-sim.sh SCENARIO.json [--json]" >&2
	exit 2
fi
CP_FILE="$ROOT/target/ewt-sim.classpath"
if [ ! -f "$CP_FILE" ] || [ ! -d "$ROOT/target/test-classes/dev/parley/bench" ] \
	|| [ -n "$(find "$ROOT/src" -newer "$CP_FILE" -name '*.java' -print -quit)" ]; then
	(cd "$ROOT" && mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" \
		-Dmdep.includeScope=test >&2)
fi
ARGS=()
for a in "$@"; do
	case "$a" in
		--*) ARGS+=("$a") ;;
		*) ARGS+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")") ;;
	esac
done
exec java -Xmx2g -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$CP_FILE")" dev.parley.bench.EwtSim "${ARGS[@]}"
