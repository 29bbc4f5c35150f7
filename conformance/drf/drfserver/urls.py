from rest_framework.routers import DefaultRouter

from .api import PagedRecordViewSet, PostViewSet, RecordViewSet, TutorialUserViewSet, UserViewSet

router = DefaultRouter()
router.register("api/v1/users", UserViewSet)
router.register("api/v1/posts", PostViewSet)
router.register("api/v1/tutorial-users", TutorialUserViewSet, basename="tutorial-user")
router.register("api/v1/records", RecordViewSet, basename="record")
router.register("api/v1/paged-records", PagedRecordViewSet, basename="paged-record")
urlpatterns = router.urls
