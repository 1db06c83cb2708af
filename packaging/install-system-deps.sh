#!/usr/bin/env bash
# Qt needs a few shared libraries that a bare Debian machine lacks. Install them
# only when one is missing and we may (root + apt-get); otherwise say what to install.
set -u
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libEGL.so.1'            || need+=(libegl1)
have_lib 'libGL.so.1'             || need+=(libgl1)
have_lib 'libxkbcommon.so.0'      || need+=(libxkbcommon0)
have_lib 'libfontconfig.so.1'     || need+=(libfontconfig1)
have_lib 'libdbus-1.so.3'         || need+=(libdbus-1-3)
have_lib 'libxkbcommon-x11.so.0'  || need+=(libxkbcommon-x11-0)
have_lib 'libxcb-cursor.so.0'     || need+=(libxcb-cursor0)
have_lib 'libxcb-icccm.so.4'      || need+=(libxcb-icccm4)
have_lib 'libxcb-keysyms.so.1'    || need+=(libxcb-keysyms1)
have_lib 'libxcb-shape.so.0'      || need+=(libxcb-shape0)
have_lib 'libxcb-render-util.so.0' || need+=(libxcb-render-util0)
have_lib 'libxcb-image.so.0'      || need+=(libxcb-image0)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system libraries for Qt: ${need[*]}"
  (apt-get install -y -qq "${need[@]}" >/dev/null 2>&1) || \
    (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${need[@]}" >/dev/null 2>&1) || \
    echo "warning: could not install ${need[*]}" >&2
else
  echo "Qt may need these system packages: ${need[*]} (install them with your package manager)" >&2
fi
exit 0
