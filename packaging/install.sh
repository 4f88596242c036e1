#!/bin/sh
# Installs a built policygen (mvn -B package) under a prefix:
#   PREFIX/bin/policygen                              launcher (same JVM flags and core-jar fast path as ./policygen)
#   PREFIX/share/policygen/                           policygen.jar, policygen-core.jar, policygen-core.jsa
#   PREFIX/share/bash-completion/completions/policygen
#   PREFIX/share/zsh/site-functions/_policygen
#   PREFIX/share/man/man1/policygen*.1
# A script rather than a `policygen install` command: it copies the build's outputs, so it must work
# before there is an installed policygen, and it keeps the launcher free of a command that generate never needs.
set -eu
usage() { echo "usage: packaging/install.sh --prefix DIR" >&2; exit 2; }
prefix=
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) echo "usage: packaging/install.sh --prefix DIR"; exit 0 ;;
    *) echo "install.sh: error: unknown argument '$1'" >&2; usage ;;
  esac
done
[ -n "$prefix" ] || usage
case $0 in
  */*) here=${0%/*} ;;
  *) here=. ;;
esac
target=$here/../target
for built in policygen.jar policygen-core.jar shell/policygen.bash shell/_policygen shell/man1/policygen.1; do
  if [ ! -f "$target/$built" ]; then
    echo "install.sh: error: $target/$built is missing; run 'mvn -B package' first" >&2
    exit 3
  fi
done
share=$prefix/share/policygen
mkdir -p "$prefix/bin" "$share" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/man/man1"
cp "$target/policygen.jar" "$target/policygen-core.jar" "$share/"
# The CDS archive that halves generate's start-up (docs/benchmarks.md) is tied to the class path it was made
# with, so target/'s would be ignored here: one generate run from the installed jar makes a new one. Best
# effort: without it generate only starts slower.
java -XX:ArchiveClassesAtExit="$share/policygen-core.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$(cd "$share" && pwd)/policygen-core.jar" dev.policygen.cli.Main --client traefik \
  --zone Z11111112222222333333 --domain example.com >/dev/null 2>&1 || rm -f "$share/policygen-core.jsa"
cp "$target/shell/policygen.bash" "$prefix/share/bash-completion/completions/policygen"
cp "$target/shell/_policygen" "$prefix/share/zsh/site-functions/_policygen"
cp "$target"/shell/man1/*.1 "$prefix/share/man/man1/"
launcher=$prefix/bin/policygen
cat > "$launcher" <<LAUNCHER
#!/bin/sh
# Installed by packaging/install.sh. generate lines run on the core jar (start-up), the rest on the full jar.
share='$(cd "$share" && pwd)'
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m"
case \${1-} in
  -h|--help|-V|--version) ;;
  generate|-*)
    if [ -f "\$share/policygen-core.jsa" ]; then
      exec java -XX:SharedArchiveFile="\$share/policygen-core.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \\
        \$flags -cp "\$share/policygen-core.jar" dev.policygen.cli.Main "\$@"
    fi
    exec java \$flags -cp "\$share/policygen-core.jar" dev.policygen.cli.Main "\$@" ;;
esac
exec java \$flags -jar "\$share/policygen.jar" "\$@"
LAUNCHER
chmod 755 "$launcher"
echo "installed policygen under $prefix"
