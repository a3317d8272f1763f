"""Supreme Judicial Council: web pages (mounted at the site root under the ``council`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from .views import candidate, exams, personnel, proceedings, public, secretariat, sessions

app_name = "council"

urlpatterns: list[URLPattern | URLResolver] = [
    # Public.
    path("council/", public.public_index, name="public_index"),
    path(
        "council/competitions/<int:competition_id>/", public.public_competition, name="competition"
    ),
    path("council/exams/passed/", public.passed_exam, name="passed_exam"),
    # Candidates.
    path("council/me/", candidate.candidate_home, name="candidate_home"),
    path("council/me/register/", candidate.candidate_register, name="candidate_register"),
    path("council/me/experience/", candidate.experience_add, name="experience_add"),
    path("council/me/guarantees/", candidate.guarantee_add, name="guarantee_add"),
    path("council/competitions/<int:competition_id>/apply/", candidate.apply, name="apply"),
    path(
        "council/applications/<int:application_id>/documents/",
        candidate.document_add,
        name="document_add",
    ),
    # Secretariat.
    path("council/secretariat/", secretariat.secretariat_home, name="secretariat_home"),
    path(
        "council/secretariat/competitions/",
        secretariat.competition_create,
        name="competition_create",
    ),
    path(
        "council/secretariat/competitions/<int:competition_id>/",
        secretariat.competition_manage,
        name="competition_manage",
    ),
    path(
        "council/secretariat/competitions/<int:competition_id>/act/",
        secretariat.competition_act,
        name="competition_act",
    ),
    path("council/secretariat/sessions/", secretariat.session_plan, name="session_plan"),
    path(
        "council/secretariat/applications/<int:application_id>/records/",
        secretariat.candidate_record_act,
        name="candidate_record",
    ),
    path(
        "council/sessions/<int:session_id>/agenda/",
        secretariat.agenda_competition_add,
        name="agenda_add",
    ),
    # Exams: the secretariat's sessions, the candidate's registration and test.
    path("council/secretariat/exams/", exams.exam_sessions, name="exam_sessions"),
    path("council/secretariat/exams/new/", exams.exam_session_schedule, name="exam_schedule"),
    path(
        "council/secretariat/exams/questions/",
        exams.question_list_act,
        name="question_list_act",
    ),
    path(
        "council/secretariat/exams/<int:session_id>/",
        exams.exam_session_detail,
        name="exam_session",
    ),
    path(
        "council/secretariat/exams/<int:session_id>/act/",
        exams.exam_session_act,
        name="exam_session_act",
    ),
    path("council/exams/<int:session_id>/register/", exams.exam_register, name="exam_register"),
    path(
        "council/me/exams/<int:registration_id>/start/",
        exams.exam_test_start,
        name="exam_test_start",
    ),
    path("council/me/exams/<int:registration_id>/test/", exams.exam_test, name="exam_test"),
    path(
        "council/me/exams/<int:registration_id>/submit/",
        exams.exam_test_submit,
        name="exam_test_submit",
    ),
    # Chairs, dismissals and appeals against the Judicial Jury (Art. 19–24).
    path("council/secretariat/proceedings/", proceedings.proceedings_home, name="proceedings"),
    path(
        "council/secretariat/proceedings/chairs/",
        proceedings.chair_vacancy_submit,
        name="chair_vacancy_submit",
    ),
    path(
        "council/secretariat/proceedings/chairs/<int:vacancy_id>/",
        proceedings.vacancy_act,
        name="vacancy_act",
    ),
    path(
        "council/secretariat/proceedings/dismissals/",
        proceedings.dismissal_receive,
        name="dismissal_receive",
    ),
    path(
        "council/secretariat/proceedings/dismissals/<int:case_id>/",
        proceedings.dismissal_act,
        name="dismissal_act",
    ),
    path(
        "council/secretariat/proceedings/appeals/<int:appeal_id>/",
        proceedings.appeal_act,
        name="appeal_act",
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/appearances/",
        sessions.appearance_act,
        name="appearance_act",
    ),
    path("council/secretariat/personnel/", personnel.personnel_home, name="personnel"),
    path(
        "council/secretariat/personnel/reserve/",
        personnel.reserve_include,
        name="reserve_include",
    ),
    path(
        "council/personnel/judges/<int:judge_id>/",
        personnel.personal_record,
        name="personal_record",
    ),
    path(
        "council/secretariat/personnel/judges/<int:judge_id>/entries/",
        personnel.personal_record_add,
        name="personal_record_add",
    ),
    path("council/judge/record/", personnel.my_record, name="my_record"),
    path("council/judge/", proceedings.judge_home, name="judge_home"),
    path(
        "council/judge/dismissals/<int:case_id>/read/",
        proceedings.dismissal_read,
        name="dismissal_read",
    ),
    path("council/judge/appeals/", proceedings.appeal_file, name="appeal_file"),
    # Sessions: members and the secretariat.
    path("council/sessions/", sessions.member_home, name="member_home"),
    path("council/sessions/<int:session_id>/", sessions.session_detail, name="session_detail"),
    path("council/sessions/<int:session_id>/open/", sessions.session_open, name="session_open"),
    path(
        "council/sessions/<int:session_id>/finish/", sessions.session_finish, name="session_finish"
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/recuse/",
        sessions.recuse,
        name="recuse",
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/nominate/",
        sessions.nominate,
        name="nominate",
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/vote/",
        sessions.vote_open,
        name="vote_open",
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/decision/",
        sessions.decision_record,
        name="decision_record",
    ),
    path(
        "council/sessions/<int:session_id>/items/<int:item_id>/decision/act/",
        sessions.decision_act,
        name="decision_act",
    ),
    path(
        "council/sessions/<int:session_id>/chair-candidates/<int:candidate_id>/vote/",
        sessions.chair_candidate_vote,
        name="chair_candidate_vote",
    ),
    path("council/votes/<int:vote_id>/", sessions.ballot_page, name="ballot"),
    path("council/votes/<int:vote_id>/cast/", sessions.ballot_cast, name="ballot_cast"),
    path("council/votes/<int:vote_id>/close/", sessions.vote_close, name="vote_close"),
    path(
        "council/votes/<int:vote_id>/closed-session/",
        sessions.session_close_decide,
        name="session_close_decide",
    ),
]
