"""The icon font is cut down to the icons in use (tools/subset_icons.py): a new icon must be added to it."""

from tools.subset_icons import BASE, CSS, SOURCE, TARGET, icon_rules, icons_in_use


def test_icons_in_use_are_all_in_the_served_subset():
    served = icon_rules((TARGET / CSS).read_text(encoding="utf-8"))
    upstream = icon_rules((SOURCE / CSS).read_text(encoding="utf-8"))
    missing = sorted((icons_in_use() & set(upstream)) - set(served))
    assert missing == [], f"run `python tools/subset_icons.py`: {missing} are not in the served icon font"


def test_served_subset_keeps_the_upstream_code_points():
    served = icon_rules((TARGET / CSS).read_text(encoding="utf-8"))
    upstream = icon_rules((SOURCE / CSS).read_text(encoding="utf-8"))
    assert len(served) >= 50
    assert {name: upstream[name] for name in served} == served


def test_icon_scan_finds_classes_in_templates(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text('<i class="bi bi-check2-all"></i> bi-x-lg', encoding="utf-8")
    assert icons_in_use(tmp_path) == {"bi-check2-all", "bi-x-lg"}
    assert BASE.joinpath("templates", "base.html").is_file()
