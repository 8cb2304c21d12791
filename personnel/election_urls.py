"""URLs of the personnel plan, the planning pool, nominations and elections (under /<congress>/elections/)."""

from django.urls import path

from personnel import election_views as views

urlpatterns = [
    path("elections/", views.election_index, name="election_index"),
    path("elections/people/", views.person_suggestions, name="election_person_suggestions"),
    path("elections/plan/", views.plan_detail, name="election_plan"),
    path("elections/plan/edit/", views.plan_edit, name="election_plan_edit"),
    path("elections/plan/targets/new/", views.target_edit, name="election_target_create"),
    path("elections/plan/targets/<int:pk>/", views.target_edit, name="election_target_edit"),
    path("elections/plan/targets/<int:pk>/delete/", views.target_remove, name="election_target_delete"),
    path("elections/pool/", views.pool_list, name="election_pool"),
    path("elections/pool/<int:pk>/delete/", views.pool_entry_delete, name="election_pool_delete"),
    path("elections/training/new/", views.training_create, name="election_training_create"),
    path("elections/training/<int:pk>/", views.training_detail, name="election_training"),
    path("elections/new/", views.election_edit, name="election_create"),
    path("elections/<int:pk>/", views.election_detail, name="election_detail"),
    path("elections/<int:pk>/edit/", views.election_edit, name="election_edit"),
    path("elections/<int:pk>/candidates/new/", views.candidate_create, name="election_candidate_create"),
    path("elections/<int:pk>/lock/", views.election_lock_view, name="election_lock"),
    path("elections/<int:pk>/unlock/", views.election_unlock_view, name="election_unlock"),
    path("elections/<int:pk>/endorsement/", views.election_endorsement, name="election_endorsement"),
    path("elections/<int:pk>/rounds/new/", views.round_next, name="election_round_next"),
    path("elections/candidates/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("elections/candidates/<int:pk>/steps/", views.candidate_step, name="candidate_step"),
    path("elections/candidates/<int:pk>/withdrawal/", views.candidate_withdrawal, name="candidate_withdrawal"),
    path(
        "elections/candidates/<int:pk>/withdrawal/decide/",
        views.candidate_withdrawal_decide,
        name="candidate_withdrawal_decide",
    ),
    path("elections/candidates/<int:pk>/delete/", views.candidate_delete, name="candidate_delete"),
    path("elections/rounds/<int:pk>/ballot.pdf", views.round_ballot_pdf, name="election_round_ballot"),
    path("elections/rounds/<int:pk>/setup/", views.round_setup_view, name="election_round_setup"),
    path("elections/rounds/<int:pk>/count/", views.round_count_entry, name="election_round_count"),
    path("elections/rounds/<int:pk>/check/", views.round_check, name="election_round_check"),
    path(
        "elections/rounds/<int:pk>/ballots/<int:number>/resolve/",
        views.ballot_resolve_view,
        name="election_ballot_resolve",
    ),
    path("elections/rounds/<int:pk>/tally/", views.round_tally, name="election_round_tally"),
    path("elections/rounds/<int:pk>/results/", views.round_results, name="election_round_results"),
    path(
        "elections/rounds/<int:pk>/minutes.<str:fmt>",
        views.round_minutes,
        name="election_round_minutes",
    ),
    path("elections/rounds/<int:pk>/publish/", views.round_publish_view, name="election_round_publish"),
]
