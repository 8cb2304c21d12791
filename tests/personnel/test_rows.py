"""The member and delegate lists' rows written in Python are the template's rows, character for character."""

import datetime

from personnel.models import Person, Substitution
from personnel.rows import member_rows
from tests.personnel.factories import DelegateFactory, PersonFactory
from tests.rows_reference import assert_same_rows

# The rows of personnel/member_list.html before personnel/rows.py wrote them.
MEMBER_TEMPLATE_ROWS = """{% load i18n %}{% for p in people %}
  <tr>
    <td><a href="{% url 'member_edit' slug p.pk %}">{{ p.full_name }}</a>{% if p.is_executive_member %} <span class="badge text-bg-light border" title="{% translate 'member of the outgoing executive committee' %}">BCH</span>{% endif %}</td>
    <td class="text-muted small">{{ p.member_number }}</td>
    <td class="small">{% if p.birth_date %}{{ p.birth_date|date:"d/m/Y" }}{% else %}{{ p.birth_year }}{% endif %}</td>
    <td class="small">{{ p.get_gender_display }}</td>
    <td class="small">{{ p.organization.name }}</td>
    <td class="small">{{ p.position }}</td>
    <td class="small">{{ p.joined_on|date:"d/m/Y" }}</td>
    <td>{% if p.status == "official" %}<span class="badge text-bg-light border">{{ p.get_status_display }}</span>{% elif p.status == "probationary" %}<span class="badge text-bg-info">{{ p.get_status_display }}</span>{% else %}<span class="badge text-bg-warning">{{ p.get_status_display }}</span>{% endif %}</td>
  </tr>{% endfor %}"""  # noqa: E501


def test_member_rows_are_the_template_rows(congress, orgs):
    orgs[0].name = 'Chi bộ "Phúc Xá" & <1>'
    orgs[0].save()
    PersonFactory(organization=orgs[0], full_name="Nguyễn <Văn> & An", is_executive_member=True, position="Bí thư")
    PersonFactory(organization=orgs[1], full_name="Trần Thị Hoa", gender="female", birth_date=None, birth_year=1961)
    PersonFactory(organization=orgs[2], full_name="Lê Minh", status="probationary", official_on=None, position='"Phó"')
    PersonFactory(organization=orgs[0], full_name="Phạm Hà", status="transferred", joined_on=datetime.date(1999, 1, 9))
    people = list(Person.objects.filter(congress=congress).select_related("organization").order_by("id"))
    assert_same_rows(
        MEMBER_TEMPLATE_ROWS,
        {"people": people, "slug": congress.slug},
        lambda: member_rows(people, congress_slug=congress.slug),
    )


# The rows of personnel/delegate_list.html before personnel/rows.py wrote them.
DELEGATE_TEMPLATE_ROWS = """{% load i18n %}{% for d in delegates %}
  <tr>
    <td class="text-end">{% if d.number %}{{ d.number|stringformat:"03d" }}{% endif %}</td>
    <td><a href="{% url 'delegate_detail' slug d.pk %}">{{ d.person.full_name }}</a></td>
    <td class="small">{{ d.get_kind_display }}{% if d.is_alternate %} · <span class="badge text-bg-light border">{% translate "alternate" %}{% if d.alternate_rank %} {{ d.alternate_rank }}{% endif %}</span>{% endif %}</td>
    <td class="small">{{ d.organization.name }}</td>
    <td>{% if d.credential_status == "qualified" %}<span class="badge text-bg-success">{{ d.get_credential_status_display }}</span>{% elif d.credential_status == "not_qualified" %}<span class="badge text-bg-danger">{{ d.get_credential_status_display }}</span>{% else %}<span class="badge text-bg-secondary">{{ d.get_credential_status_display }}</span>{% endif %}</td>
    <td class="small">
      {% if d.not_summoned %}<span class="badge text-bg-warning"><i class="bi bi-flag" aria-hidden="true"></i> {{ d.get_not_summoned_display }}</span>{% endif %}
      {% if d.replaced_by_name %}<span class="text-muted">{% blocktranslate with name=d.replaced_by_name %}replaced by {{ name }}{% endblocktranslate %}</span>{% endif %}
      {% if d.replacing_name %}<span class="text-muted">{% blocktranslate with name=d.replacing_name %}replaces {{ name }}{% endblocktranslate %}</span>{% endif %}
      {% if d.absence_reason %}<span class="text-muted">{% translate "absent:" %} {{ d.absence_reason }}</span>{% endif %}
    </td>
  </tr>{% endfor %}"""  # noqa: E501


def test_delegate_rows_are_the_template_rows(congress, orgs):
    from personnel.rows import delegate_rows
    from personnel.selectors import delegates_search

    official = DelegateFactory(
        person=PersonFactory(organization=orgs[0], full_name="Nguyễn <Văn> An"),
        organization=orgs[0],
        number=7,
        credential_status="qualified",
        absence_reason='ốm "nặng" & nằm viện',
    )
    alternate = DelegateFactory(
        person=PersonFactory(organization=orgs[0], full_name="Trần Thị Hoa"),
        organization=orgs[0],
        is_alternate=True,
        alternate_rank=2,
        number=None,
    )
    DelegateFactory(person=PersonFactory(organization=orgs[1], full_name="Lê Minh"), organization=orgs[1], number=123,
                    credential_status="not_qualified", credential_reason="Kỷ luật", not_summoned="charged")  # fmt: skip
    Substitution.objects.create(congress=congress, replaced=official, alternate=alternate, reason="ốm")
    delegates = list(delegates_search(congress=congress))
    assert len(delegates) == 3 and any(d.replaced_by_name for d in delegates)
    assert_same_rows(
        DELEGATE_TEMPLATE_ROWS,
        {"delegates": delegates, "slug": congress.slug},
        lambda: delegate_rows(delegates, congress_slug=congress.slug),
    )
