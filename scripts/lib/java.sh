# shellcheck shell=bash
# Which java the scripts run, and the start-up archive flags that fit it. Sourced by scripts/run, make-cds and
# bench-startup.

# The production JVM flags the docs recommend (install-ubuntu writes them into .env): the serial collector, right for
# two cores; a small young generation and a heap that starts small; inlining less deep than the defaults, which keeps
# the compiler's scratch memory (the peak of the process's memory) smaller; glibc's freed memory handed back every few
# seconds (Java 17.0.9 and later). src/docs/performance.md has the side-by-side runs behind them.
# shellcheck disable=SC2034  # used by the scripts that source this
recommended_java_opts='-XX:+UseSerialGC -Xss512k -Xmn16m -Xms32m -Xmx96m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m -XX:MaxInlineLevel=9 -XX:InlineSmallCode=1000 -XX:TrimNativeHeapInterval=5000'

# The java to run: $JAVA, else $JAVA_HOME's, else the one on PATH.
java_cmd() {
  if [[ -n ${JAVA:-} ]]; then
    echo "$JAVA"
  elif [[ -n ${JAVA_HOME:-} ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    echo java
  fi
}

# The feature release of a java binary: 17, 21, 25 ... Read from the JDK's release file: asking java itself
# would start a JVM, as long as a third of the app's own start.
java_major() {
  local home version
  home=$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  if [[ -z $version ]]; then
    version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  fi
  echo "${version:-0}"
}

# The flag that loads the archive scripts/make-cds wrote for this java, when it is newer than the jar; else nothing.
archive_flags() { # java jar
  local java=$1 jar=$2 dir
  dir=$(dirname "$jar")
  if (($(java_major "$java") >= 25)); then
    [[ -f $dir/api.aot && $dir/api.aot -nt $jar ]] && echo "-XX:AOTCache=$dir/api.aot"
  else
    [[ -f $dir/api.jsa && $dir/api.jsa -nt $jar ]] && echo "-XX:SharedArchiveFile=$dir/api.jsa"
  fi
  return 0
}
