"""Forms of the hearing pages. Dates and times are entered in the court's time zone."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case, CaseStatus

from .models import Courtroom, HearingFormat, PostponementReason, SuspensionGround


def combine(day: date | None, moment: time | None, zone: ZoneInfo) -> datetime | None:
    if day is None or moment is None:
        return None
    return datetime.combine(day, moment, tzinfo=zone)


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class SlotFields(forms.Form):
    """A day with a start and an expected end, read in ``zone``."""

    day = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Start"), widget=TimeInput)
    end = forms.TimeField(label=_("Expected end"), widget=TimeInput)

    def slot(self, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
        data = self.cleaned_data
        return combine(data["day"], data["start"], zone), combine(data["day"], data["end"], zone)


class ScheduleForm(SlotFields):
    courtroom = forms.ModelChoiceField(label=_("Courtroom"), queryset=Courtroom.objects.none())
    format = forms.ChoiceField(label=_("Format"), choices=HearingFormat.choices)
    participants = forms.MultipleChoiceField(
        label=_("Participants summoned"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # A double-submitted form carries the same key: the second submission schedules nothing.
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["courtroom", "day", "start", "end", "format", "participants"]

    def __init__(self, *args: object, case: Case, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["courtroom"].queryset = Courtroom.objects.filter(  # type: ignore[attr-defined]
            court_id=case.court_id, is_active=True
        ).order_by("number")
        self.fields["participants"].choices = [  # type: ignore[attr-defined]
            (str(p.pk), f"{p.name} ({p.get_role_display()})")
            for p in case.participants.order_by("pk")
        ]
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())


class MomentForm(forms.Form):
    """When a step happened; empty means now."""

    day = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    time = forms.TimeField(label=_("Time"), required=False, widget=TimeInput)

    def moment(self, zone: ZoneInfo) -> datetime | None:
        return combine(self.cleaned_data["day"], self.cleaned_data["time"], zone)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if bool(data.get("day")) != bool(data.get("time")):
            raise forms.ValidationError(_("Give both the date and the time, or neither for now."))
        return data


class PostponeForm(SlotFields):
    reason = forms.ModelChoiceField(
        label=_("Reason"),
        queryset=PostponementReason.objects.filter(is_active=True),
        error_messages={"required": _("Choose the reason for the postponement.")},
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    field_order = ["reason", "note", "day", "start", "end"]


class SuspendForm(forms.Form):
    ground = forms.ModelChoiceField(
        label=_("Ground"),
        queryset=SuspensionGround.objects.filter(is_active=True),
        error_messages={"required": _("Choose the ground for the suspension.")},
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    seen_status = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput)


class ResumeForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    seen_status = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput)


class PeriodForm(forms.Form):
    start = forms.DateField(required=False)
    view = forms.ChoiceField(choices=[("week", "week"), ("day", "day")], required=False)
