"""Forms of the Council's pages: they only parse; rules live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    AcademicDegree,
    ChairPost,
    ConclusionKind,
    DecisionForm,
    DismissalGround,
    ExperienceKind,
    GuaranteeKind,
    JuryCommission,
    RecordEntryKind,
)
from .rules.eligibility import Position
from .rules.tally import VoteChoice

DATE = forms.DateInput(attrs={"type": "date"})


class CandidateForm(forms.Form):
    born_on = forms.DateField(label=_("date of birth"), widget=DATE)
    is_citizen = forms.BooleanField(label=_("citizen of Kazakhstan"), required=False)
    higher_legal_education = forms.BooleanField(label=_("higher legal education"), required=False)
    education = forms.CharField(label=_("education"), required=False, max_length=1000)
    degree = forms.ChoiceField(label=_("academic degree"), choices=AcademicDegree.choices)
    diploma_average = forms.DecimalField(
        label=_("diploma average"), required=False, max_digits=3, decimal_places=2
    )
    magistracy_graduated_on = forms.DateField(
        label=_("specialised magistracy graduated on"), required=False, widget=DATE
    )
    has_special_education = forms.BooleanField(label=_("special education"), required=False)


class ExperienceForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of work"), choices=ExperienceKind.choices)
    organisation = forms.CharField(label=_("organisation"), max_length=200)
    started_on = forms.DateField(label=_("from"), widget=DATE)
    ended_on = forms.DateField(label=_("to"), required=False, widget=DATE)


class GuaranteeForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=GuaranteeKind.choices)
    guarantor = forms.CharField(label=_("guarantor"), max_length=200)
    given_on = forms.DateField(label=_("given on"), widget=DATE)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    file = forms.FileField(label=_("file"))


class CompetitionForm(forms.Form):
    position = forms.ChoiceField(label=_("position"), choices=Position.choices)
    court_code = forms.CharField(label=_("court code"), max_length=16)
    vacancies = forms.IntegerField(label=_("vacancies"), min_value=1, initial=1)
    is_specialised_court = forms.BooleanField(label=_("specialised court"), required=False)
    basis = forms.CharField(label=_("basis"), widget=forms.Textarea(attrs={"rows": 2}))
    announcement_kk = forms.CharField(
        label=_("announcement in Kazakh"), widget=forms.Textarea(attrs={"rows": 3})
    )
    announcement_ru = forms.CharField(
        label=_("announcement in Russian"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AnnounceForm(forms.Form):
    published_on = forms.DateField(label=_("published on"), widget=DATE)
    held_on = forms.DateField(label=_("held on"), widget=DATE)


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("place"), max_length=200)
    is_closed = forms.BooleanField(label=_("closed session"), required=False)


class AgendaItemForm(forms.Form):
    competition = forms.IntegerField(label=_("competition"))
    materials_received_on = forms.DateField(label=_("materials received on"), widget=DATE)


class BallotForm(forms.Form):
    # Abstaining is not offered (Art. 10 §3).
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=[
            (VoteChoice.FOR, VoteChoice.FOR.label),
            (VoteChoice.AGAINST, VoteChoice.AGAINST.label),
        ],
        widget=forms.RadioSelect,
    )


class DecisionRecordForm(forms.Form):
    form = forms.ChoiceField(label=_("form"), choices=DecisionForm.choices)
    reasons = forms.CharField(label=_("reasons"), widget=forms.Textarea(attrs={"rows": 4}))


class TextForm(forms.Form):
    text = forms.CharField(
        label=_("text"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )


class ExamSessionForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), widget=DATE)
    place = forms.CharField(label=_("place"), max_length=200)
    notice_sent_on = forms.DateField(label=_("members notified on"), widget=DATE)


class ExamStagesForm(forms.Form):
    ticket = forms.IntegerField(label=_("exam ticket"), min_value=1)
    ticket_passed = forms.BooleanField(label=_("ticket passed"), required=False)
    psychological_test_passed = forms.BooleanField(
        label=_("psychological test passed"), required=False
    )


class SpecialCheckForm(forms.Form):
    issued_on = forms.DateField(label=_("issued on"), widget=DATE)
    is_passed = forms.BooleanField(label=_("passed"), required=False)
    criminal_case_found = forms.BooleanField(label=_("criminal case found"), required=False)


class ConclusionForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=ConclusionKind.choices)
    given_on = forms.DateField(label=_("given on"), widget=DATE)
    is_positive = forms.BooleanField(label=_("positive"), required=False)


class PolygraphForm(forms.Form):
    examined_on = forms.DateField(label=_("examined on"), widget=DATE)
    is_favourable = forms.BooleanField(label=_("favourable"), required=False)


class ChairVacancyForm(forms.Form):
    post = forms.ChoiceField(label=_("post"), choices=ChairPost.choices)
    court_code = forms.CharField(label=_("court code"), max_length=16)
    submitted_on = forms.DateField(label=_("submitted on"), widget=DATE)
    plenary_decision = forms.CharField(label=_("plenary session decision"), max_length=300)
    judges = forms.CharField(
        label=_("judges (user names, one per line)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DismissalForm(forms.Form):
    judge = forms.CharField(label=_("judge (user name)"), max_length=150)
    ground = forms.ChoiceField(label=_("ground"), choices=DismissalGround.choices)
    received_on = forms.DateField(label=_("submission received on"), widget=DATE)
    jury_decision = forms.CharField(
        label=_("Judicial Jury decision"), max_length=300, required=False
    )


class DismissalReportForm(forms.Form):
    circumstances = forms.CharField(
        label=_("circumstances established"), widget=forms.Textarea(attrs={"rows": 3})
    )
    conclusion = forms.CharField(
        label=_("conclusion of the check"), widget=forms.Textarea(attrs={"rows": 2})
    )
    proposals = forms.CharField(label=_("proposals"), widget=forms.Textarea(attrs={"rows": 2}))
    signed_by = forms.CharField(
        label=_("signed by (one per line)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class JuryAppealForm(forms.Form):
    commission = forms.ChoiceField(label=_("commission"), choices=JuryCommission.choices)
    jury_decision = forms.CharField(label=_("Judicial Jury decision"), max_length=300)
    grounds = forms.CharField(
        label=_("grounds of the appeal"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ReserveForm(forms.Form):
    judge = forms.CharField(label=_("judge (user name)"), max_length=150)
    post = forms.ChoiceField(label=_("post"), choices=ChairPost.choices)
    court_code = forms.CharField(label=_("court code"), max_length=16, required=False)
    included_on = forms.DateField(label=_("included on"), widget=DATE)
    basis = forms.CharField(
        label=_("basis"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RecordEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=RecordEntryKind.choices)
    on = forms.DateField(label=_("date"), widget=DATE)
    text = forms.CharField(label=_("text"), widget=forms.Textarea(attrs={"rows": 2}))


class JudgeLookupForm(forms.Form):
    judge = forms.CharField(label=_("judge (user name)"), max_length=150)
