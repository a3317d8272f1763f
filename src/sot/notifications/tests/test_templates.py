"""Every notice template in every language renders with exactly its kind's declared keys."""

from __future__ import annotations

import pytest

from sot.core.errors import ValidationFailed
from sot.notifications import rendering
from sot.notifications.kinds import KINDS
from sot.notifications.models import Notice
from sot.notifications.services import notify

CASES = [(kind, lang) for kind in KINDS for lang in rendering.LANGUAGES]


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=[f"{k}-{lang}" for k, lang in CASES])
def test_every_template_renders_every_declared_key(kind, lang):
    context = {key: f"⟨{key}⟩" for key in KINDS[kind].keys}
    text = rendering.render(kind, lang, {**context, "recipient_name": "⟨recipient_name⟩"})
    rendered = text.subject + "\n" + text.body
    assert text.subject
    assert text.body
    for key in (*KINDS[kind].keys, "recipient_name"):
        assert f"⟨{key}⟩" in rendered, f"{kind}.{lang} does not use {key}"
    assert "{{" not in rendered


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=[f"{k}-{lang}" for k, lang in CASES])
def test_every_template_uses_only_declared_keys(kind, lang):
    template = rendering._ENGINE.get_template(rendering.template_name(kind, lang))
    assert rendering.template_variables(template) <= rendering.allowed_keys(kind)


def test_a_template_using_an_undeclared_variable_is_refused():
    template = rendering._ENGINE.from_string("{{ act_number }} {{ judge_home_address }}")
    with pytest.raises(rendering.TemplateError, match="judge_home_address"):
        rendering.check_template("act.published", template)


def test_a_template_with_logic_is_refused():
    template = rendering._ENGINE.from_string("{% if act_number %}x{% endif %}")
    with pytest.raises(rendering.TemplateError):
        rendering.check_template("act.published", template)


def test_kazakh_text_is_not_escaped():
    text = rendering.render(
        "act.published",
        "kk",
        {"act_number": "A<1>", "case_number": "2-1/26", "recipient_name": "Ә"},
    )
    assert "A<1>" in text.body


@pytest.mark.django_db
def test_notify_refuses_a_missing_key_and_records_nothing(w):
    with pytest.raises(ValidationFailed) as refused:
        notify(kind="act.published", recipients=[w.citizen], context={"act_number": "1"})
    assert "case_number" in refused.value.fields
    assert not Notice.objects.exists()


@pytest.mark.django_db
def test_notify_refuses_an_unknown_kind(w):
    with pytest.raises(ValidationFailed):
        notify(kind="act.lost", recipients=[w.citizen], context={})
    assert not Notice.objects.exists()


@pytest.mark.django_db
def test_notice_is_written_in_the_persons_language(w):
    context = {"act_number": "7", "case_number": "2-7/26"}
    kk, ru = (
        notify(kind="act.published", recipients=[user], context=context, key=f"k{user.pk}")[0]
        for user in (w.citizen, w.lawyer)
    )
    assert kk.lang == "kk"
    assert "жарияланды" in kk.subject
    assert ru.lang == "ru"
    assert "опубликован" in ru.subject
