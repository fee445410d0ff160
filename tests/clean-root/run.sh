#!/usr/bin/env bash
# The README's two quick-start commands on a bare Debian 12 (issue 14, item 18): a root made by
# debootstrap, holding nothing but Debian's minimal base, gets a copy of the committed tree;
# then `./scripts/demo` must install, build and serve the demo (checked through /healthz and
# the sign-in page), and `./scripts/test` must install, build and pass every test. A machine
# that already holds packages (a newer Node.js, say) cannot hide a missing install step here.
#
#   tests/clean-root/run.sh [WORK_DIR]      (as root; default /var/tmp/assure-clean-root)
#
# Needs debootstrap and network access to a Debian mirror (DEBIAN_MIRROR) and the npm registry.
# Takes two first builds and a full test run (two hours or more on two cores), so it is
# not part of ./scripts/test or CI. The root is kept between runs (delete WORK_DIR for a new one);
# the tree is copied afresh each time, and the root's packages are those of the first run only if
# KEEP_PACKAGES=1 (by default the root is made again, so every install step is exercised).
set -euo pipefail
cd "$(dirname "$0")/../.."

work=${1:-/var/tmp/assure-clean-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
port=${ASSURE_PORT:-18080}
root="$work/root"

[ "$(id -u)" = 0 ] || { echo "clean-root: run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "clean-root: apt-get install debootstrap" >&2; exit 2; }

mounted=()
unmount_all() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap unmount_all EXIT

if [ "${KEEP_PACKAGES:-0}" != 1 ] || [ ! -x "$root/bin/bash" ]; then
    rm -rf "$root"
    mkdir -p "$work"
    echo "clean-root: debootstrap bookworm into $root"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log"
fi

for m in proc sys dev dev/pts; do
    mkdir -p "$root/$m"
    case $m in
        proc) mount -t proc proc "$root/proc" ;;
        sys) mount -t sysfs sys "$root/sys" ;;
        *) mount --bind "/$m" "$root/$m" ;;
    esac
    mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A network whose HTTPS passes through a proxy with its own certificate authority: the host
# trusts it through locally added authorities, and so must the root, or apt's and npm's
# downloads fail. ca-certificates (installed by the scripts) reads them from here.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    if [ -x "$root/usr/sbin/update-ca-certificates" ]; then chroot "$root" /usr/sbin/update-ca-certificates >/dev/null; fi
fi

echo "clean-root: copying the committed tree ($(git rev-parse --short HEAD))"
rm -rf "$root/src/assure"
mkdir -p "$root/src/assure"
git archive HEAD | tar -x -C "$root/src/assure"

# Node reads only its own authorities unless told of the system's, as the host's may be.
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt} "$@"; }

# Quick start 1: the demo, until it answers.
echo "clean-root: ./scripts/demo (log: $work/demo.log)"
in_root /bin/bash -c "cd /src/assure && ASSURE_PORT=$port exec ./scripts/demo" >"$work/demo.log" 2>&1 &
demo=$!
served=0
for _ in $(seq 1 7200); do  # two hours at most: it installs and builds first
    if ! kill -0 "$demo" 2>/dev/null; then break; fi
    # The chroot shares the host's network: the host asks, as a browser would.
    if python3 -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$port/healthz').status == 200 and b'Sign in' in urllib.request.urlopen('http://127.0.0.1:$port/login').read() else 1)" 2>/dev/null; then
        served=1
        break
    fi
    sleep 1
done
kill "$demo" 2>/dev/null || true
pkill -f "assure serve --db var/demo.db --port $port" 2>/dev/null || true
wait "$demo" 2>/dev/null || true
if [ "$served" != 1 ]; then
    echo "clean-root: the demo never answered; the end of its log:" >&2
    tail -n 40 "$work/demo.log" >&2
    exit 1
fi
echo "clean-root: the demo served /healthz and the sign-in page"

# Quick start 2: every test.
echo "clean-root: ./scripts/test (log: $work/test.log)"
if ! in_root /bin/bash -c "cd /src/assure && ./scripts/test" >"$work/test.log" 2>&1; then
    echo "clean-root: ./scripts/test failed; the end of its log:" >&2
    tail -n 60 "$work/test.log" >&2
    exit 1
fi
tail -n 5 "$work/test.log"
echo "clean-root: both README commands work on a bare Debian 12"
