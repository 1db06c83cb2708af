"""Build the packaged program (`make package`, or `python packaging/build.py` on Windows).

1. Compile the translations (.ts -> .qm) so that they go inside.
2. PyInstaller one-folder build from packaging/cadre-desktop.spec -> dist/cadre-desktop/.
3. On Linux: dist/cadre-desktop-VERSION-linux-x86_64.tar.gz (the folder as it is) and
   dist/cadre-desktop_VERSION_amd64.deb (the folder in /opt/cadre-desktop, a launcher in
   /usr/bin, a desktop entry and icons), built with dpkg-deb.
   On Windows the installer is made from the folder by packaging/windows/cadre-desktop.iss.

Nothing here is needed to run or test the program from source.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FOLDER = DIST / "cadre-desktop"
sys.path.insert(0, str(ROOT / "src"))

from cadre_desktop import __version__  # noqa: E402

# Libraries Qt loads from the system (the rest is inside the build); the same list as
# packaging/install-system-deps.sh, as Debian package names.
DEB_DEPENDS = [
    "libc6 (>= 2.31)", "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1",
    "libfreetype6", "libdbus-1-3", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-keysyms1", "libxcb-shape0", "libxcb-render-util0", "libxcb-image0",
    "libxcb-randr0", "libxcb-xinerama0", "libxcb-xkb1", "libx11-xcb1", "libglib2.0-0",
]
DEB_RECOMMENDS = ["fonts-dejavu-core"]


def run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def tool(name: str) -> str:
    """A console script of the environment this script runs in (bin/ or Scripts/)."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project with its 'package' extra")
    return found


def translations() -> None:
    target = ROOT / "src" / "cadre_desktop" / "i18n"
    target.mkdir(exist_ok=True)
    for source in sorted((ROOT / "i18n").glob("*.ts")):
        run(tool("pyside6-lrelease"), "-silent", source, "-qm", target / f"{source.stem}.qm")


def pyinstaller() -> None:
    shutil.rmtree(FOLDER, ignore_errors=True)
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller",
        ROOT / "packaging" / "cadre-desktop.spec")


def tarball() -> Path:
    path = DIST / f"cadre-desktop-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        archive.add(FOLDER, arcname="cadre-desktop")
    return path


def deb() -> Path:
    stage = BUILD / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(FOLDER, stage / "opt" / "cadre-desktop", symlinks=True)
    launcher = stage / "usr" / "bin" / "cadre-desktop"
    launcher.parent.mkdir(parents=True)
    launcher.write_text('#!/bin/sh\nexec /opt/cadre-desktop/cadre-desktop "$@"\n')
    launcher.chmod(0o755)
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / "cadre-desktop.desktop", apps)
    icons = ROOT / "src" / "cadre_desktop" / "resources" / "icons"
    for size, name in ((256, "cadre-desktop.png"), (48, "cadre-desktop-48.png")):
        folder = stage / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(icons / name, folder / "cadre-desktop.png")
    docs = stage / "usr" / "share" / "doc" / "cadre-desktop"
    docs.mkdir(parents=True)
    shutil.copy(ROOT / "src" / "cadre_desktop" / "resources" / "fonts" / "LICENSE-OFL.txt",
                docs / "LICENSE-fonts-OFL.txt")
    size_kib = sum(p.lstat().st_size for p in stage.rglob("*")
                   if p.is_file() and not p.is_symlink()) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        (ROOT / "packaging" / "linux" / "control.in").read_text(encoding="utf-8")
        .replace("@VERSION@", __version__).replace("@SIZE@", str(size_kib))
        .replace("@DEPENDS@", ", ".join(DEB_DEPENDS))
        .replace("@RECOMMENDS@", ", ".join(DEB_RECOMMENDS)), encoding="utf-8")
    for path in stage.rglob("*"):  # dpkg wants no group- or world-writable files
        path.chmod(path.stat().st_mode & ~0o022)
    target = DIST / f"cadre-desktop_{__version__}_amd64.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, target)
    return target


def main() -> int:
    os.chdir(ROOT)
    translations()
    pyinstaller()
    program = "cadre-desktop.exe" if sys.platform == "win32" else "cadre-desktop"
    if not (FOLDER / program).exists():
        raise SystemExit("the build has no cadre-desktop program")
    if sys.platform.startswith("linux"):
        for made in (tarball(), deb()):
            print(f"built {made.relative_to(ROOT)} ({made.stat().st_size / 1024 / 1024:.1f} MiB)")
    else:
        print(f"built {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
