"""Forms of the documents app. Rules live in services; forms check shapes and lengths."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.forms import date_field
from congress.models import Congress
from congress.renderers import FastSelect, set_flat_choices
from documents.models import (
    COMMENT_MAX_CHARS,
    RESPONSE_MAX_CHARS,
    CommentSource,
    Disposition,
    Draft,
    DraftStatus,
    DraftVersion,
    Paragraph,
    ReviewRound,
)
from subcommittees.forms import congress_people

User = get_user_model()


class ParagraphChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Paragraph) -> str:
        excerpt = obj.text if len(obj.text) <= 70 else obj.text[:67] + "…"
        prefix = f"v{obj.version.number} " if getattr(self, "show_version", False) else ""
        return f"{prefix}§{obj.label} – {excerpt}"


class DraftForm(forms.ModelForm):
    class Meta:
        model = Draft
        fields = ["title", "kind", "subcommittee", "drafters", "confidential"]
        widgets = {"drafters": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["subcommittee"].queryset = congress.subcommittees.all()
        if not self.instance.pk:
            self.initial.setdefault("subcommittee", congress.subcommittees.filter(kind="documents").first())
        self.fields["drafters"].queryset = congress_people(congress)


class VersionForm(forms.Form):
    text = forms.CharField(
        label=capfirst(_("text")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "font-monospace", "spellcheck": "false"}),
        help_text=_(
            "One paragraph per line. Start a line with “# ” for a section heading, “## ” or “### ” for "
            "a sub-heading. Sections are numbered 1, 2, 3…; paragraphs 1.1, 1.2…"
        ),
    )
    upload = forms.FileField(
        label=capfirst(_("or a Word file (.docx)")),
        required=False,
        help_text=_("Headings are taken from the Heading 1–3 styles. Not password-protected."),
    )
    note = forms.CharField(label=capfirst(_("what changed")), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        has_text = bool((data.get("text") or "").strip())
        if has_text and data.get("upload"):
            raise forms.ValidationError(_("Either type the text or upload a file, not both."))
        if not has_text and not data.get("upload") and not self.errors:
            raise forms.ValidationError(_("Type the text or upload a Word (.docx) file."))
        return data


class PublishForm(forms.Form):
    carry_over = forms.BooleanField(
        label=_("Carry the comments of the previous version over to this one"), required=False, initial=True
    )


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label=capfirst(_("move to")), choices=DraftStatus.choices)
    note = forms.CharField(label=capfirst(_("note")), max_length=1000, required=False)

    def __init__(self, *args, moves: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(DraftStatus.choices)
        self.fields["to_status"].choices = [(m, labels[m]) for m in moves]


class RoundForm(forms.ModelForm):
    opens_on = date_field(label=capfirst(_("opens on")))
    closes_on = date_field(label=capfirst(_("closes on")), help_text=_("Last day on which comments are taken."))
    disposition_due_on = date_field(label=capfirst(_("dispositions due by")), required=False)

    class Meta:
        model = ReviewRound
        fields = [
            "title",
            "version",
            "opens_on",
            "closes_on",
            "disposition_due_on",
            "reviewers",
            "organizations",
            "reviewers_see_all",
            "instructions",
        ]
        widgets = {
            "reviewers": forms.SelectMultiple(attrs={"size": 8}),
            "organizations": forms.SelectMultiple(attrs={"size": 8}),
            "instructions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, draft: Draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.draft = draft
        self.fields["version"].queryset = draft.versions.filter(published_at__isnull=False).order_by("-number")
        self.fields["version"].empty_label = None
        self.fields["reviewers"].queryset = User.objects.filter(is_active=True).order_by("name_key")
        self.fields["organizations"].queryset = draft.congress.organizations.order_by("code", "name")


class CommentForm(forms.Form):
    text = forms.CharField(
        label=capfirst(_("your comment")),
        max_length=COMMENT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_CHARS}),
    )
    proposed_text = forms.CharField(
        label=capfirst(_("proposed text (optional)")),
        max_length=COMMENT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": COMMENT_MAX_CHARS}),
    )


class RecordCommentForm(forms.Form):
    paragraph = ParagraphChoiceField(
        label=capfirst(_("paragraph")),
        queryset=Paragraph.objects.none(),
        required=False,
        empty_label=_("The whole document"),
    )
    author_name = forms.CharField(
        label=capfirst(_("comment by (person)")),
        max_length=255,
        required=False,
        help_text=_("Leave empty for a comment of the organization itself."),
    )
    organization = forms.ModelChoiceField(
        label=capfirst(_("organization")), queryset=None, required=False, empty_label="—"
    )
    source = forms.ChoiceField(
        label=capfirst(_("received as")),
        choices=[c for c in CommentSource.choices if c[0] != CommentSource.ONLINE],
    )
    text = forms.CharField(
        label=capfirst(_("comment")), max_length=COMMENT_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposed_text = forms.CharField(
        label=capfirst(_("proposed text")),
        max_length=COMMENT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, review_round: ReviewRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].queryset = review_round.version.paragraphs.select_related("version").order_by(
            "position"
        )
        self.fields["organization"].queryset = review_round.draft.congress.organizations.order_by("code", "name")

    def clean(self):
        data = super().clean()
        if not (data.get("author_name") or "").strip() and not data.get("organization") and not self.errors:
            self.add_error("author_name", _("Say who made the comment: a person or an organization."))
        return data


class DispositionForm(forms.Form):
    disposition = forms.ChoiceField(label=capfirst(_("disposition")), choices=Disposition.choices, widget=FastSelect)
    response = forms.CharField(
        label=capfirst(_("response")),
        max_length=RESPONSE_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": RESPONSE_MAX_CHARS}),
        help_text=_("Required unless the comment is accepted."),
    )
    landed_in = ParagraphChoiceField(
        label=capfirst(_("landed in paragraph")), queryset=Paragraph.objects.none(), required=False, empty_label="—"
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, later_paragraphs=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [p.pk for p in later_paragraphs or []]
        self.fields["landed_in"].queryset = Paragraph.objects.filter(pk__in=ids).select_related("version")
        self.fields["landed_in"].show_version = True
        if later_paragraphs is not None:
            # The choices come from the list already read: no query per rendered form.
            self.fields["landed_in"].choices = [("", "—")] + [
                (p.pk, self.fields["landed_in"].label_from_instance(p)) for p in later_paragraphs
            ]


class BulkDispositionForm(forms.Form):
    comments = forms.ModelMultipleChoiceField(queryset=None, widget=forms.MultipleHiddenInput)
    disposition = forms.ChoiceField(label=capfirst(_("disposition")), choices=Disposition.choices)
    response = forms.CharField(
        label=capfirst(_("response")),
        max_length=RESPONSE_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, review_round: ReviewRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].queryset = review_round.comments.all()
        self.fields["comments"].error_messages["required"] = _("Tick the comments to dispose.")


class DispositionFilterForm(forms.Form):
    paragraph = forms.TypedChoiceField(
        label=capfirst(_("paragraph")), required=False, coerce=int, empty_value=None, widget=FastSelect
    )
    author = forms.ChoiceField(label=capfirst(_("comment by")), required=False, widget=FastSelect)
    organization = forms.TypedChoiceField(
        label=capfirst(_("organization")), required=False, coerce=int, empty_value=None, widget=FastSelect
    )
    disposition = forms.ChoiceField(
        label=capfirst(_("disposition")),
        required=False,
        choices=[("", _("All")), ("none", _("Not yet disposed")), *Disposition.choices],
        widget=FastSelect,
    )

    def __init__(self, *args, review_round: ReviewRound, paragraphs, authors, organizations, **kwargs):
        """`paragraphs`: (id, label) pairs in reading order; `organizations`: (id, name) pairs."""
        super().__init__(*args, **kwargs)
        set_flat_choices(
            self.fields["paragraph"],
            [("", _("All")), (0, _("The whole document"))] + [(pk, f"§{label}") for pk, label in paragraphs],
        )
        set_flat_choices(self.fields["author"], [("", _("All"))] + [(name, name) for name in authors])
        set_flat_choices(self.fields["organization"], [("", _("All")), *organizations])


class DiffForm(forms.Form):
    a = forms.TypedChoiceField(label=capfirst(_("from version")), coerce=int)
    b = forms.TypedChoiceField(label=capfirst(_("to version")), coerce=int)
    changes_only = forms.BooleanField(label=_("Only the changes"), required=False)

    def __init__(self, *args, versions: list[DraftVersion], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v.pk, f"v{v.number}") for v in versions]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices


class CopyForm(forms.Form):
    recipient_name = forms.CharField(label=capfirst(_("recipient")), max_length=255, required=False)
    recipient = forms.ModelChoiceField(
        label=capfirst(_("recipient's account")),
        queryset=None,
        required=False,
        help_text=_("If set, this person can download his copy himself."),
    )
    organization = forms.ModelChoiceField(label=capfirst(_("organization")), queryset=None, required=False)
    note = forms.CharField(label=capfirst(_("note")), max_length=500, required=False)

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = User.objects.filter(is_active=True).order_by("name_key")
        self.fields["organization"].queryset = congress.organizations.order_by("code", "name")

    def clean(self):
        data = super().clean()
        if not (data.get("recipient_name") or "").strip() and not data.get("recipient") and not self.errors:
            self.add_error("recipient_name", _("Name the recipient of the copy."))
        return data
