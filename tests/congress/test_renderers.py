"""The form renderer writes the common widgets in Python: the markup must be Django's, exactly."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from congress.forms import DateInput
from congress.renderers import FormRenderer


class Everything(forms.Form):
    name = forms.CharField(
        label="Họ và tên", max_length=200, widget=forms.TextInput(attrs={"placeholder": 'Nguyễn "Văn" <A>'})
    )
    count = forms.IntegerField(min_value=0, required=False)
    amount = forms.DecimalField(required=False)
    email = forms.EmailField(required=False)
    site = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    search = forms.CharField(widget=forms.SearchInput, required=False)
    phone = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "autofocus": True}), required=False)
    born = forms.DateField(widget=DateInput, required=False)
    when = forms.DateTimeField(required=False)
    at = forms.TimeField(required=False)
    color = forms.CharField(widget=forms.TextInput(attrs={"type": "color", "disabled": False}), required=False)
    agree = forms.BooleanField(required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    status = forms.ChoiceField(
        choices=[("", "Tất cả"), ("official", gettext_lazy("Official")), ("a&b", mark_safe("<b>đậm</b>")), (5, 2020)],
        required=False,
    )
    grouped = forms.ChoiceField(
        choices=[("", "---------"), ("Phường", [("1", "Phúc Xá"), ("2", "Trúc Bạch")]), ("Khối", [("3", "Cơ quan")])],
        required=False,
    )
    several = forms.MultipleChoiceField(choices=[("a", "A <1>"), ("b", "B"), ("c", "C")], required=False)


CASES = [
    {},
    {
        "name": 'Trần Thị "B" & <script>',
        "count": "-3",
        "amount": "12.5",
        "email": "a@b.vn",
        "site": "x",
        "secret": "p&ss",
        "hidden": "h",
        "search": "nguyễn",
        "phone": "0912",
        "born": "01/02/1970",
        "when": "2020-08-29 08:00",
        "at": "07:30",
        "color": "#ff0000",
        "agree": "on",
        "note": "dòng 1\n<dòng 2>",
        "status": "a&b",
        "grouped": "2",
        "several": ["a", "c"],
    },
]


def _widgets(form):
    for bound in form:
        yield bound.name, bound


@pytest.mark.parametrize("data", CASES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_python_widget_writes_django_markup(data, language):
    with override(language):
        form = Everything(
            data or None, initial={"count": 1000, "amount": Decimal("1234.5"), "born": datetime.date(1970, 2, 1)}
        )
        fast, slow = FormRenderer(), DjangoTemplates()
        checked = 0
        for name, bound in _widgets(form):
            widget = bound.field.widget
            context = widget.get_context(bound.html_name, bound.value(), bound.build_widget_attrs({}))
            if widget.template_name in fast.python_templates:
                checked += 1
            assert widget.render(bound.html_name, bound.value(), renderer=fast) == widget.render(
                bound.html_name, bound.value(), renderer=slow
            ), name
            assert context["widget"]["name"] == bound.html_name
        assert checked >= 15


def test_a_widget_with_more_context_goes_through_its_template():
    renderer = FormRenderer()
    widget = forms.ClearableFileInput()
    html = widget.render("scan", None, renderer=renderer)
    assert 'type="file"' in html and "scan" in html


def test_a_select_of_many_options_is_one_string_with_the_chosen_one_marked():
    field = forms.ChoiceField(choices=[(str(i), f"Chi bộ {i}") for i in range(300)])
    html = field.widget.render("org", "17", renderer=FormRenderer())
    assert html.count("<option") == 300
    assert '<option value="17" selected>Chi bộ 17</option>' in html


def test_fast_select_writes_django_select_markup(db):
    from congress.models import Congress
    from congress.renderers import FastSelect
    from tests.factories import CongressFactory

    CongressFactory(slug="a", name="Đại hội <A> & B")
    CongressFactory(slug="b", name="Đại hội B")
    choice_sets = [
        [
            ("", "Tất cả"),
            ("official", gettext_lazy("Official")),
            ("a&b", mark_safe("<b>đậm</b>")),
            (5, 2020),
            (7, "Nguyễn Thị \"Hoa\" O'Neil <b>"),
            ("q\"'<", 2.5),
            (None, "—"),
        ],
        [
            ("", "---------"),
            ("Phường", [("1", "Phúc Xá"), ("2", "Trúc Bạch")]),
            ("", [("9", "không nhóm")]),
            ("3", "3"),
        ],
        [("1", "một"), ("1", "một lần nữa")],  # the same value twice: only the first is selected
    ]
    values = [None, "", "a&b", "5", "2", 5, "1", "9", "nothing"]
    for language in ("vi", "en"):
        with override(language):
            for choices in choice_sets:
                for value in values:
                    fast, slow = (
                        FastSelect(choices=choices, attrs={"class": "form-select"}),
                        forms.Select(choices=choices, attrs={"class": "form-select"}),
                    )
                    assert fast.render("f", value, {"id": "id_f", "required": True}) == slow.render(
                        "f", value, {"id": "id_f", "required": True}
                    )
    field = forms.ModelChoiceField(queryset=Congress.objects.order_by("slug"), empty_label="Tất cả", widget=FastSelect)
    reference = forms.ModelChoiceField(queryset=Congress.objects.order_by("slug"), empty_label="Tất cả")
    first = Congress.objects.order_by("slug").first()
    for value in (None, first.pk, str(first.pk)):
        assert field.widget.render("c", value) == reference.widget.render("c", value)
    assert "Đại hội &lt;A&gt; &amp; B" in field.widget.render("c", None)


def test_fast_select_leaves_multiple_selects_to_django():
    from congress.renderers import FastSelect

    class Multiple(FastSelect):
        allow_multiple_selected = True

    html = Multiple(choices=[("a", "A"), ("b", "B")]).render("m", ["a", "b"])
    assert "multiple" in html and html.count("selected") == 2


def test_set_flat_choices_stores_what_the_setter_stores():
    from congress.renderers import FastSelect, set_flat_choices

    choices = [("", gettext_lazy("All")), (0, "Cả văn bản"), (7, "§1.2 <a>"), ("Lê Văn C", "Lê Văn C")]
    for field_class in (forms.ChoiceField, forms.TypedChoiceField):
        fast, slow = field_class(widget=FastSelect), field_class(widget=FastSelect)
        set_flat_choices(fast, choices)
        slow.choices = choices
        assert fast.choices == slow.choices and fast.widget.choices == slow.widget.choices
        assert fast.widget.render("f", 7) == slow.widget.render("f", 7)
        assert fast.clean("Lê Văn C") == slow.clean("Lê Văn C")
        with pytest.raises(forms.ValidationError):
            fast.clean("not there")
