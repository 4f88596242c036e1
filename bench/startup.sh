#!/usr/bin/env bash
# Cold start of `policygen --client traefik ...` against a bare JVM hello-world, in the same hyperfine run.
# Usage: bench/startup.sh [RUNS]   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
command -v hyperfine >/dev/null || { echo "bench/startup.sh: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -f target/policygen-core.jar ] || mvn -q -B package -DskipTests
work=target/bench
mkdir -p "$work"
cat > "$work/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
JAVA
javac -d "$work" "$work/Hello.java"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/startup.json" \
  "java -cp $work Hello" \
  "./policygen --client traefik --zone Z11111112222222333333 --domain example.com --domain *.example.com"
python3 - "$work/startup.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
hello, policygen = (r["median"] * 1000 for r in results)
print(f"median hello-world {hello:.1f} ms, policygen generate {policygen:.1f} ms, ratio {policygen / hello:.2f}x")
PY
