#!/usr/bin/env bash
# Cold start of `policygen --client traefik ...` against a bare JVM hello-world, in the same hyperfine run.
# Usage: bench/startup.sh [RUNS] [runtime|dns]   (needs hyperfine: apt-get install hyperfine)
# With "runtime", a third command generates the same policy with an EKS IRSA role (--runtime); with "dns",
# a fourth also puts the zone in another account (--dns-account: two roles).
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
plain="./policygen --client traefik --zone Z11111112222222333333 --domain example.com --domain *.example.com"
role="$plain --runtime eks-irsa --aws-account 111122223333 --oidc-provider oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF --service-account kube-system/traefik"
commands=("java -cp $work Hello" "$plain")
case "${2:-}" in
  runtime) commands+=("$role") ;;
  dns) commands+=("$role" "$role --dns-account 222233334444") ;;
  "") ;;
  *) echo "bench/startup.sh: the second argument is runtime or dns, not $2" >&2; exit 2 ;;
esac
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/startup.json" "${commands[@]}"
python3 - "$work/startup.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
hello, policygen = (r["median"] * 1000 for r in results[:2])
print(f"median hello-world {hello:.1f} ms, policygen generate {policygen:.1f} ms, ratio {policygen / hello:.2f}x")
if len(results) > 2:
    role = results[2]["median"] * 1000
    print(f"median generate --runtime eks-irsa {role:.1f} ms, ratio {role / hello:.2f}x")
if len(results) > 3:
    dns = results[3]["median"] * 1000
    print(f"median generate --runtime eks-irsa --dns-account {dns:.1f} ms, ratio {dns / hello:.2f}x")
PY
