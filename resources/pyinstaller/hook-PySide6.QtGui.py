"""QtGui's plugins, less those the reader never loads (read before PyInstaller's own hook).

PyInstaller collects every plugin QtGui can use, and with them what they link:
GTK through the GTK theme, Qt Quick through the virtual keyboard, Wayland's
client libraries. Leaving a plugin out here keeps its libraries out too, which
filtering the finished analysis would not.
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# plugin folder -> plugin names kept (without "lib" and suffix); folders not named are dropped
KEEP = {
    "platforms": {"qoffscreen", "qxcb", "qwindows", "qcocoa"},  # screenshots, X11, Windows, macOS
    "imageformats": {"qgif", "qjpeg"},  # images of saved pages (PNG is built into Qt)
    "platforminputcontexts": {"composeplatforminputcontextplugin",  # accents, dead keys
                              "ibusplatforminputcontextplugin"},  # input methods
    "darwin": None,  # platforms/darwin, macOS only
    "accessiblebridge": None,  # screen readers
}


def _kept(source: str) -> bool:
    path = Path(source)
    names = KEEP.get(path.parent.name, set())
    return names is None or path.stem.removeprefix("lib") in names


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, target) for source, target in binaries if _kept(source)]
