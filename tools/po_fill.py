"""Fill msgstr of a .po file from a Python dict module: python tools/po_fill.py file.po translations.py

A helper for translators: entries already translated are kept unless the dict says otherwise.
"""

import importlib.util
import sys

import polib


def main(po_path: str, dict_path: str) -> None:
    spec = importlib.util.spec_from_file_location("translations", dict_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table: dict = module.T
    po = polib.pofile(po_path)
    if po_path.endswith("vi/LC_MESSAGES/django.po"):
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
        po.metadata["Language"] = "vi"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    missing = []
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        value = table.get(entry.msgid)
        if value is None:
            if not (entry.msgstr or entry.msgstr_plural.get(0)):
                missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: value} if isinstance(value, str) else dict(enumerate(value))
        else:
            entry.msgstr = value
    po.save()
    for msgid in missing:
        print("MISSING:", repr(msgid))
    print(f"{len(po)} entries, {len(missing)} untranslated")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
