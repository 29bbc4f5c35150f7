from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONOpenAPIRenderer
from rest_framework.routers import DefaultRouter
from rest_framework.schemas import get_schema_view

from .api import (AuthorViewSet, CursorBookViewSet, LinkedNovelViewSet, NovelViewSet, TagViewSet, PagedRecordViewSet, PostViewSet, RecordViewSet,
                  SeenRequests, TutorialUserViewSet, UserViewSet)

router = DefaultRouter()
router.register("api/v1/users", UserViewSet)
router.register("api/v1/posts", PostViewSet)
router.register("api/v1/tutorial-users", TutorialUserViewSet, basename="tutorial-user")
router.register("api/v1/records", RecordViewSet, basename="record")
router.register("api/v1/paged-records", PagedRecordViewSet, basename="paged-record")
router.register("api/v1/cursor-books", CursorBookViewSet, basename="cursor-book")
router.register("api/v1/authors", AuthorViewSet)
router.register("api/v1/tags", TagViewSet)
router.register("api/v1/novels", NovelViewSet)
router.register("api/v1/linked-novels", LinkedNovelViewSet, basename="linked-novel")
# The API's own OpenAPI 3 document, as DRF generates it (needs python3-uritemplate).
schema = get_schema_view(title="api-orm conformance", public=True, renderer_classes=[JSONOpenAPIRenderer],
                         permission_classes=[AllowAny], authentication_classes=[])
urlpatterns = router.urls + [path("api/schema/", schema), path("api/seen-requests/", SeenRequests.as_view())]
