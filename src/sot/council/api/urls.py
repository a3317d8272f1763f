"""Supreme Judicial Council: routes under /api/v1/."""

from django.urls import URLPattern, URLResolver, path

from . import secretariat, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("council/rules/eligibility/", views.EligibilityCheckApi.as_view()),
    path("council/rules/exam-admission/", views.ExamAdmissionCheckApi.as_view()),
    path("council/rules/tally/", views.TallyCheckApi.as_view()),
    path("council/competitions/", views.CompetitionListApi.as_view()),
    path("council/competitions/<int:competition_id>/", views.CompetitionDetailApi.as_view()),
    path(
        "council/competitions/<int:competition_id>/actions/",
        views.CompetitionActionApi.as_view(),
    ),
    path(
        "council/competitions/<int:competition_id>/applications/",
        views.ApplicationCreateApi.as_view(),
    ),
    path("council/me/", views.CandidateStatusApi.as_view()),
    path("council/decisions/", views.DecisionListApi.as_view()),
    path("council/exams/passed/", views.PassedExamListApi.as_view()),
    path(
        "council/exams/<int:exam_session_id>/registrations/",
        views.ExamRegisterApi.as_view(),
    ),
    path("council/me/exams/<int:registration_id>/test/", views.ExamTestApi.as_view()),
    path("council/me/exams/<int:registration_id>/answers/", views.ExamAnswersApi.as_view()),
    path("council/judge/appeals/", views.JuryAppealFileApi.as_view()),
    path(
        "council/applications/<int:application_id>/documents/",
        views.DocumentAddApi.as_view(),
    ),
    path("council/sessions/", views.SessionPlanApi.as_view()),
    path("council/sessions/<int:session_id>/", views.SessionDetailApi.as_view()),
    path("council/sessions/<int:session_id>/agenda/", views.AgendaItemAddApi.as_view()),
    path("council/sessions/<int:session_id>/open/", views.SessionOpenApi.as_view()),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/nominations/",
        views.NominationAddApi.as_view(),
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/votes/",
        views.VoteOpenApi.as_view(),
    ),
    path("council/votes/<int:vote_id>/ballots/", views.BallotCastApi.as_view()),
    path("council/votes/<int:vote_id>/close/", views.VoteCloseApi.as_view()),
    path("council/judges/<int:judge_id>/record/", secretariat.PersonalRecordApi.as_view()),
    path("council/reserve/", secretariat.ReserveApi.as_view()),
    path(
        "council/candidates/<int:candidate_id>/special-checks/",
        secretariat.SpecialCheckApi.as_view(),
    ),
    path(
        "council/candidates/<int:candidate_id>/conclusions/",
        secretariat.ConclusionApi.as_view(),
    ),
    path("council/candidates/<int:candidate_id>/polygraph/", secretariat.PolygraphApi.as_view()),
    path("council/commission/", secretariat.CommissionApi.as_view()),
    path("council/exam-sessions/", secretariat.ExamSessionListApi.as_view()),
    path(
        "council/exam-sessions/<int:exam_session_id>/attendance/",
        secretariat.ExamAttendanceApi.as_view(),
    ),
    path(
        "council/exam-registrations/<int:registration_id>/admission/",
        secretariat.ExamAdmissionApi.as_view(),
    ),
    path(
        "council/exam-registrations/<int:registration_id>/stages/",
        secretariat.ExamStagesApi.as_view(),
    ),
    path("council/chair-vacancies/", secretariat.ChairVacancyListApi.as_view()),
    path(
        "council/chair-vacancies/<int:vacancy_id>/actions/",
        secretariat.ChairVacancyActionApi.as_view(),
    ),
    path("council/dismissals/", secretariat.DismissalListApi.as_view()),
    path(
        "council/dismissals/<int:dismissal_id>/actions/", secretariat.DismissalActionApi.as_view()
    ),
    path("council/appeals/", secretariat.AppealListApi.as_view()),
    path("council/appeals/<int:appeal_id>/actions/", secretariat.AppealActionApi.as_view()),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/appearances/",
        secretariat.AppearanceCreateApi.as_view(),
    ),
    path(
        "council/appearances/<int:appearance_id>/actions/",
        secretariat.AppearanceActionApi.as_view(),
    ),
    path("council/question-lists/", secretariat.QuestionListApi.as_view()),
    path(
        "council/question-lists/<int:list_id>/approve/",
        secretariat.QuestionListApproveApi.as_view(),
    ),
    path(
        "council/competitions/<int:competition_id>/dispatch/",
        secretariat.DispatchApi.as_view(),
    ),
    path(
        "council/sessions/<int:session_id>/chair-candidates/<int:candidate_id>/votes/",
        secretariat.ChairCandidateVoteApi.as_view(),
    ),
]
