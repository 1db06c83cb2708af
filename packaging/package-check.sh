#!/usr/bin/env bash
# `make package-check`: the built archive and package on a fresh, bare Debian without Python.
#
# A minimal Debian (debootstrap --variant=minbase: no Python, no compiler, no fonts) is kept
# in build/check-rootfs (or $CADRE_CHECK_ROOTFS) and never changed: every check runs in a
# throw-away overlay of it, in a private mount namespace, entered with chroot. There is no
# container engine here; chroot gives the same clean file system, but shares the kernel and
# the network of the host. Inside:
#   1. no python3 anywhere;
#   2. the .deb installs with apt (its Depends bring Qt's system libraries from Debian, and
#      still no Python), and /usr/bin/cadre-desktop passes packaging/smoke.sh;
#   3. the .tar.gz unpacked in /tmp passes packaging/smoke.sh too.
# Needs root, debootstrap (installed with apt-get when missing) and Debian's package mirror.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/src/cadre_desktop/__init__.py")
TARBALL="$ROOT/dist/cadre-desktop-$VERSION-linux-x86_64.tar.gz"
DEB="$ROOT/dist/cadre-desktop_${VERSION}_amd64.deb"
BASE=${CADRE_CHECK_ROOTFS:-$ROOT/build/check-rootfs}
SUITE=${CADRE_CHECK_SUITE:-bookworm}
MIRROR=${CADRE_CHECK_MIRROR:-http://deb.debian.org/debian}

for f in "$TARBALL" "$DEB"; do
  [ -f "$f" ] || { echo "missing $f: run \`make package\` first" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "package-check needs root (chroot, mounts)" >&2; exit 1; }

if [ ! -x "$BASE/bin/sh" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  echo "Making a bare $SUITE in $BASE (once)…"
  debootstrap --variant=minbase "$SUITE" "$BASE" "$MIRROR" >/dev/null
fi

WORK=$(mktemp -d /var/tmp/cadre-check.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/upper" "$WORK/work" "$WORK/root" "$WORK/files"
cp "$TARBALL" "$DEB" "$ROOT/packaging/smoke.sh" "$WORK/files/"

cat >"$WORK/files/inside.sh" <<'INSIDE'
set -eu
export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
no_python() {
  if command -v python3 >/dev/null || command -v python >/dev/null \
     || ls -d /usr/lib/python3* >/dev/null 2>&1; then
    echo "FAIL: this machine has Python ($1)"; exit 1
  fi
  echo "no Python on this machine ($1)"
}
no_python "bare $(cat /etc/debian_version)"
apt-get update -qq
apt-get install -y -qq --no-install-recommends /check/cadre-desktop_*_amd64.deb >/dev/null
echo "installed: $(dpkg-query -W -f='${Package} ${Version}' cadre-desktop)"
no_python "after installing the package and what it depends on"
test -f /usr/share/applications/cadre-desktop.desktop
test -f /usr/share/icons/hicolor/256x256/apps/cadre-desktop.png
test -f /opt/cadre-desktop/_internal/cadre_desktop/resources/guide/index.md
sh /check/smoke.sh /usr/bin/cadre-desktop deb
mkdir -p /tmp/unpacked
tar -xzf /check/cadre-desktop-*-linux-x86_64.tar.gz -C /tmp/unpacked
sh /check/smoke.sh /tmp/unpacked/cadre-desktop/cadre-desktop tar.gz
INSIDE

unshare --mount --fork bash -euo pipefail -s "$BASE" "$WORK" <<'OUTSIDE'
BASE=$1; WORK=$2; R=$WORK/root
mount --make-rprivate /
if ! mount -t overlay overlay -o "lowerdir=$BASE,upperdir=$WORK/upper,workdir=$WORK/work" "$R" \
    2>/dev/null; then
  cp -a "$BASE/." "$R/"  # no overlayfs here: a full copy is just as fresh
fi
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
mount -t tmpfs tmpfs "$R/tmp"
mkdir -p "$R/check"
mount --bind "$WORK/files" "$R/check"
cp /etc/resolv.conf "$R/etc/resolv.conf"
chroot "$R" /bin/sh /check/inside.sh
OUTSIDE
echo "package-check: passed on a bare Debian (chroot) without Python"
