from django.urls import path

from claims.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim-detail"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/stances/", views.article_stance_create, name="article-stance-create"),
    path("review/", views.review_queue, name="review-queue"),
    path("stances/<int:pk>/confirm/", views.stance_confirm_view, name="stance-confirm"),
    path("stances/<int:pk>/reject/", views.stance_reject_view, name="stance-reject"),
    path("stances/<int:pk>/edit/", views.stance_edit_view, name="stance-edit"),
    path("stances/<int:pk>/undo/", views.stance_undo_view, name="stance-undo"),
    path("proposals/<int:pk>/decide/", views.proposal_decide_view, name="proposal-decide"),
    path("sources/lookup/", views.source_lookup, name="source-lookup"),
]
