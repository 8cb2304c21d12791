"""Cut Bootstrap Icons down to the icons the app uses: python tools/subset_icons.py

The full font is 130 KB compressed, most of a first page load (issue 8 wants ≤ 150 KB); the ~70 icons
in use fit in a few KB. The full upstream files stay in tools/vendor/bootstrap-icons/; this writes
the subset under the same names into static/vendor/bootstrap-icons/, so templates do not change.
Run it after using an icon not used before (tests/bench_guards/test_icons.py says which).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parents[1]
SOURCE = BASE / "tools" / "vendor" / "bootstrap-icons"
TARGET = BASE / "static" / "vendor" / "bootstrap-icons"
CSS = "bootstrap-icons.min.css"
FONTS = {"bootstrap-icons.woff2": "woff2", "bootstrap-icons.woff": "woff"}
# Where icon classes are written: templates, Python (classes built in views and tags), the app's JS.
SCANNED = ("templates", "congress", "personnel", "documents", "subcommittees", "static/js")
SUFFIXES = {".html", ".py", ".js", ".txt"}
ICON = re.compile(r"\bbi-[a-z0-9]+(?:-[a-z0-9]+)*")
RULE = re.compile(r"\.(bi-[a-z0-9-]+)::before\{content:\"\\([0-9a-f]+)\"\}")


def icons_in_use(base: Path = BASE) -> set[str]:
    found: set[str] = set()
    for folder in SCANNED:
        for path in (base / folder).rglob("*"):
            if path.suffix in SUFFIXES and path.is_file() and "migrations" not in path.parts:
                found.update(ICON.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return found


def icon_rules(css: str) -> dict[str, int]:
    """Icon class → code point, from a Bootstrap Icons stylesheet."""
    return {name: int(code, 16) for name, code in RULE.findall(css)}


def main() -> int:
    from fontTools import subset

    full_css = (SOURCE / CSS).read_text(encoding="utf-8")
    rules = icon_rules(full_css)
    wanted = sorted(icons_in_use() & set(rules))
    unknown = sorted(icons_in_use() - set(rules))
    if unknown:
        print("Not Bootstrap Icons (left out):", ", ".join(unknown), file=sys.stderr)
    head = full_css[: full_css.index(".bi-123::before")]  # the licence, @font-face and the .bi rule
    body = "".join(f'.{name}::before{{content:"\\{rules[name]:x}"}}' for name in wanted)
    TARGET.joinpath("fonts").mkdir(parents=True, exist_ok=True)
    TARGET.joinpath(CSS).write_text(head + body + "\n", encoding="utf-8")
    for name, flavor in FONTS.items():
        options = subset.Options()
        options.flavor = flavor
        options.notdef_outline = True
        font = subset.load_font(str(SOURCE / "fonts" / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[rules[n] for n in wanted])
        subsetter.subset(font)
        subset.save_font(font, str(TARGET / "fonts" / name), options)
    sizes = ", ".join(f"{p.name} {p.stat().st_size:,} B" for p in sorted(TARGET.rglob("bootstrap-icons*")))
    print(f"{len(wanted)} icons: {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
