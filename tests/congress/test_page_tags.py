"""The built-in page filters: the same output as the Django and crispy-forms filters they replace."""

import datetime
import re
import zoneinfo

import pytest
from django import forms
from django.template import Context, Template
from django.utils import timezone
from django.utils.translation import override

from congress.forms import DateInput


def render(source, **context):
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    "value",
    [datetime.date(2020, 8, 29), datetime.date(1, 1, 1), datetime.date(2025, 12, 3), None, ""],
)
def test_dmy_is_django_date_filter(value):
    assert render("{{ v|dmy }}", v=value) == render('{{ v|date:"d/m/Y" }}', v=value)


def test_dmyhm_is_django_date_filter_in_local_time(settings):
    aware = datetime.datetime(2020, 8, 28, 23, 5, tzinfo=datetime.UTC)  # 29/08 06:05 in Hà Nội
    naive = datetime.datetime(2020, 8, 29, 7, 30)
    for value in (aware, naive, None):
        assert render("{{ v|dmyhm }}", v=value) == render('{{ v|date:"d/m/Y H:i" }}', v=value)
        assert render("{{ v|dmy }}", v=value) == render('{{ v|date:"d/m/Y" }}', v=value)
    assert render("{{ v|dmyhm }}", v=aware) == "29/08/2020 06:05"
    assert render("{{ v|dmyhm }}", v=datetime.date(2020, 8, 29)) == "29/08/2020"  # Django's filter raises here
    with timezone.override(zoneinfo.ZoneInfo("Europe/Paris")):
        assert render("{{ v|dmyhm }}", v=aware) == "29/08/2020 01:05"


class Filters(forms.Form):
    q = forms.CharField(label="Tìm", required=False, help_text="Họ tên hoặc số thẻ")
    status = forms.ChoiceField(label="Trạng thái", choices=[("", "Tất cả"), ("a", "A & B")], required=False)
    count = forms.IntegerField(label="Số")
    mine = forms.BooleanField(label="Chỉ của tôi", required=False)
    day = forms.DateField(label="Ngày", widget=DateInput, required=False)
    note = forms.CharField(label="Ghi chú", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    kind = forms.ChoiceField(label="Loại", choices=[("x", "X"), ("y", "Y")], widget=forms.RadioSelect, required=False)


def _sorted_attributes(match) -> str:
    return f"<{match[1]} " + " ".join(sorted(re.findall(r'[\w-]+(?:="[^"]*")?', match[2]))) + ">"


def _squeeze(html: str) -> str:
    """Whitespace between tags dropped, attributes in alphabetical order (crispy's order is incidental)."""
    html = re.sub(r"\s+", " ", html)
    html = re.sub(r">\s+", ">", html)
    html = re.sub(r"\s+<", "<", html)
    return re.sub(r"<(\w+)\s([^>]*)>", _sorted_attributes, html).strip()


@pytest.mark.parametrize(
    "data", [None, {"q": "x", "status": "zz", "count": "", "mine": "on", "day": "31/02/2020", "kind": "z"}]
)
def test_as_field_writes_what_crispy_writes(data):
    crispy = Template("{% load crispy_forms_tags %}{{ field|as_crispy_field }}")
    ours = Template("{{ field|as_field }}")
    with override("vi"):
        for name in Filters.base_fields:
            ours_html = ours.render(Context({"field": Filters(data)[name]}))
            crispy_html = crispy.render(Context({"field": Filters(data)[name]}))
            assert _squeeze(ours_html) == _squeeze(crispy_html), name


def test_as_field_escapes_the_help_text():
    class Form(forms.Form):
        q = forms.CharField(required=False, help_text="<i>họ tên</i>")

    assert "&lt;i&gt;họ tên&lt;/i&gt;" in render("{{ f.q|as_field }}", f=Form())


def test_as_field_shows_every_error_escaped():
    form = Filters({"count": "<b>"})
    html = render("{{ f.count|as_field }}", f=form)
    assert "is-invalid" in html and 'aria-invalid="true"' in html
    assert "<b>" not in html and "&lt;b&gt;" in html


# --- {% url %}, remembered


def test_url_is_remembered_and_answers_as_django(congress):
    from congress.templatetags import page_tags

    page_tags._REVERSED.clear()
    source = "{% url 'dashboard' slug %}|{% url 'task_detail' congress=slug pk=7 %}|{% url 'home' as h %}{{ h }}"
    first = render(source, slug=congress.slug)
    assert first == f"/{congress.slug}/|/{congress.slug}/tasks/7/|/"
    assert len(page_tags._REVERSED) == 3
    assert render(source, slug=congress.slug) == first
    assert len(page_tags._REVERSED) == 3


def test_url_follows_the_script_prefix_and_the_urlconf(congress):
    from django.urls import set_script_prefix

    assert render("{% url 'dashboard' slug %}", slug=congress.slug) == f"/{congress.slug}/"
    set_script_prefix("/daihoi/")
    try:
        assert render("{% url 'dashboard' slug %}", slug=congress.slug) == f"/daihoi/{congress.slug}/"
    finally:
        set_script_prefix("/")


def test_url_of_lazy_text_is_not_remembered(congress):
    from django.utils.functional import lazy

    from congress.templatetags import page_tags

    page_tags._REVERSED.clear()
    lazy_slug = lazy(lambda: congress.slug, str)()
    assert render("{% url 'dashboard' c %}", c=lazy_slug) == f"/{congress.slug}/"
    assert page_tags._REVERSED == {}


def test_url_that_does_not_reverse_still_fails_or_is_empty_with_as():
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        render("{% url 'no_such_view' %}")
    assert render("{% url 'no_such_view' as u %}[{{ u }}]") == "[]"
