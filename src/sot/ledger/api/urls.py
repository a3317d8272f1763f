from django.urls import path

from . import views

urlpatterns = [
    path("ledger/head/", views.TreeHeadLatestApi.as_view(), name="api-ledger-head"),
    path("ledger/leaves/<int:index>/", views.LeafDetailApi.as_view(), name="api-ledger-leaf"),
    path("ledger/proof/", views.InclusionProofApi.as_view(), name="api-ledger-proof"),
    path(
        "ledger/consistency/",
        views.ConsistencyProofApi.as_view(),
        name="api-ledger-consistency",
    ),
]
