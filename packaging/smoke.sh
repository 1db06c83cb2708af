#!/bin/sh
# Run a built Cadre Desktop the way a clerk's machine would: the version, a demo office, a
# printed attendance sheet and the GUI (offscreen: the main window shown, then closed).
# Needs only a POSIX shell, grep and sed: it runs on a bare machine without Python.
#     sh packaging/smoke.sh PATH/TO/cadre-desktop NAME
set -eu
APP=$1
NAME=${2:-build}
export HOME="/tmp/cadre-smoke-$NAME"
export QT_QPA_PLATFORM=offscreen
export LANG=C.UTF-8
rm -rf "$HOME"
mkdir -p "$HOME"
DB="$HOME/demo.sqlite3"
step() { printf '[%s] %s\n' "$NAME" "$*"; }

step "version: $("$APP" --version)"
"$APP" --version | grep -q '^cadre-desktop [0-9]'

step "demo office"
"$APP" demo --db "$DB" --members 300 2>"$HOME/demo.log"
grep -q 'Đã tạo dữ liệu mẫu' "$HOME/demo.log"
sed 's/^/    /' "$HOME/demo.log" | cut -c1-120

"$APP" class list --db "$DB" --json >"$HOME/classes.json"
CLASS=$(grep -m1 '"id"' "$HOME/classes.json" | sed 's/.*"id": "\([^"]*\)".*/\1/')
[ -n "$CLASS" ]
step "print attendance of class $CLASS"
"$APP" print attendance --db "$DB" --class "$CLASS" -o "$HOME/diem_danh.pdf" 2>"$HOME/print.log"
head -c 5 "$HOME/diem_danh.pdf" | grep -q '%PDF-'
step "    $(cat "$HOME/print.log"), $(wc -c <"$HOME/diem_danh.pdf") byte"

step "GUI (offscreen): open the main window and close it"
"$APP" --db "$DB" --smoke-test >"$HOME/gui.log" 2>&1
grep -q 'smoke test: main window shown' "$HOME/gui.log"
grep 'smoke test' "$HOME/gui.log" | sed 's/^/    /'
step "all good"
