"""Serializers, FilterSets and views: DRF and django-filter as their docs configure them."""
import fcntl
import hashlib
import json
import os
import tempfile
from contextlib import contextmanager

import django_filters
from rest_framework import pagination, serializers, views, viewsets
from rest_framework.response import Response

from .models import Author, Book, Novel, Post, Record, Tag, User

LOOKUPS = ["exact", "iexact", "contains", "icontains", "startswith", "gt", "gte", "lt", "lte", "in",
           "isnull", "range"]


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "name", "email", "active", "role", "age", "created_at"]


class PostSerializer(serializers.ModelSerializer):
    class Meta:
        model = Post
        fields = ["id", "title", "body", "published", "author"]


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "pages", "published", "genre", "available"]


class RecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = Record
        fields = ["id", "seq", "label"]


class UserFilter(django_filters.FilterSet):
    # The negation convention api-orm's exclude() writes: field__n (exclude=True).
    role__n = django_filters.CharFilter(field_name="role", exclude=True)
    name__n = django_filters.CharFilter(field_name="name", exclude=True)

    class Meta:
        model = User
        fields = {
            "id": ["exact", "in"],
            "name": LOOKUPS + ["istartswith", "endswith", "iendswith"],
            "email": ["exact", "iexact", "icontains", "in"],
            "active": ["exact"],
            "role": ["exact", "iexact", "in", "isnull"],
            "age": LOOKUPS,
            "created_at": ["gt", "gte", "lt", "lte"],
        }


class PostFilter(django_filters.FilterSet):
    class Meta:
        model = Post
        fields = {"title": LOOKUPS, "published": ["exact"], "author": ["exact", "in"]}


class LimitOffset(pagination.LimitOffsetPagination):
    max_limit = 1000


class PageNumber(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 1000


class BookCursor(pagination.CursorPagination):
    """DRF's cursor paging: ?cursor= and next/previous links, no count; ordered by the view's
    ordering unless ?ordering= (OrderingFilter) says otherwise."""
    page_size = 10
    page_size_query_param = "page_size"
    max_page_size = 100


class TutorialPagination(pagination.PageNumberPagination):
    """The DRF tutorial's paging: 10 per page, and no page_size parameter."""
    page_size = 10


class TutorialUserViewSet(viewsets.ReadOnlyModelViewSet):
    """The users as the official DRF tutorial serves them: no filter and no ordering backend,
    so every filter, ordering, limit and offset is silently ignored."""
    queryset = User.objects.all().order_by("id")
    serializer_class = UserSerializer
    pagination_class = TutorialPagination
    filter_backends = []


def etag_of(data):
    """A strong ETag over the serialized record."""
    text = json.dumps(data, sort_keys=True, default=str)
    return '"%s"' % hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@contextmanager
def writing():
    """One writer at a time across gunicorn's workers, so that checking the ETag and writing
    are atomic (SQLite has no SELECT ... FOR UPDATE)."""
    path = os.path.join(tempfile.gettempdir(), "api-orm-conformance-%s.lock" % os.getppid())
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class ConditionalMixin:
    """Conditional requests as production DRF APIs add them: an ETag on every record response,
    and If-Match on PUT, PATCH and DELETE answered 412 with the current ETag when it no longer
    matches."""

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag_of(response.data)
        return response

    def create(self, request, *args, **kwargs):
        with writing():
            response = super().create(request, *args, **kwargs)
        if response.status_code == 201:
            response["ETag"] = etag_of(response.data)
        return response

    def update(self, request, *args, **kwargs):
        with writing():
            failed = self.precondition_failed(request)
            if failed is not None:
                return failed
            response = super().update(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag_of(response.data)
        return response

    def destroy(self, request, *args, **kwargs):
        with writing():
            failed = self.precondition_failed(request)
            if failed is not None:
                return failed
            return super().destroy(request, *args, **kwargs)

    def precondition_failed(self, request):
        expected = request.headers.get("If-Match")
        if expected is None:
            return None
        current = etag_of(self.get_serializer(self.get_object()).data)
        if expected == current:
            return None
        return Response({"detail": "Precondition failed: the record changed since it was read."}, status=412,
                        headers={"ETag": current})


class UserViewSet(ConditionalMixin, viewsets.ModelViewSet):
    queryset = User.objects.all().order_by("id")
    serializer_class = UserSerializer
    filterset_class = UserFilter
    pagination_class = LimitOffset
    ordering_fields = ["id", "name", "email", "age", "role", "created_at", "active"]


class PostViewSet(viewsets.ModelViewSet):
    queryset = Post.objects.all().order_by("id")
    serializer_class = PostSerializer
    filterset_class = PostFilter
    pagination_class = PageNumber
    ordering_fields = ["id", "title", "published"]


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Record.objects.all().order_by("seq")
    serializer_class = RecordSerializer
    pagination_class = LimitOffset
    filterset_fields = {"seq": ["gte", "lt"]}
    ordering_fields = ["seq"]


class PagedRecordViewSet(RecordViewSet):
    pagination_class = PageNumber


class CursorBookViewSet(viewsets.ModelViewSet):
    """The conformance books, paged by cursor."""
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    pagination_class = BookCursor
    filterset_fields = {
        "title": ["exact", "iexact", "icontains", "istartswith"],
        "pages": ["exact", "gt", "gte", "lt", "lte", "in"],
        "published": ["exact", "gte", "lte"],
        "genre": ["exact", "in"],
        "available": ["exact"],
    }
    ordering_fields = ["id", "title", "pages", "published", "genre"]
    # CursorPagination needs an ordering when the request names none.
    ordering = ["id"]


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name", "country"]


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["id", "name"]


class NovelSerializer(serializers.ModelSerializer):
    """The author as its id, DRF's PrimaryKeyRelatedField; the tags as a list of ids."""
    class Meta:
        model = Novel
        fields = ["id", "title", "author", "tags"]


class AuthorViewSet(viewsets.ModelViewSet):
    queryset = Author.objects.all().order_by("id")
    serializer_class = AuthorSerializer
    pagination_class = LimitOffset
    filterset_fields = {"id": ["exact", "in"], "country": ["exact"], "name": ["exact"]}
    ordering_fields = ["id", "name", "country"]


class TagViewSet(viewsets.ModelViewSet):
    queryset = Tag.objects.all().order_by("id")
    serializer_class = TagSerializer
    pagination_class = LimitOffset
    filterset_fields = {"id": ["exact", "in"], "name": ["exact"]}


class NovelViewSet(viewsets.ModelViewSet):
    """Lookups across the relation are declared: author__country, and ordering by author__name."""
    queryset = Novel.objects.all().prefetch_related("tags").order_by("id")
    serializer_class = NovelSerializer
    pagination_class = LimitOffset
    filterset_fields = {"title": ["exact", "startswith"], "author": ["exact", "in"], "author__country": ["exact"], "author__name": ["startswith"]}
    ordering_fields = ["id", "title", "author__name"]


class LinkedNovelSerializer(serializers.ModelSerializer):
    """The author as its URL, DRF's HyperlinkedRelatedField (HyperlinkedModelSerializer's default)."""
    author = serializers.HyperlinkedRelatedField(view_name="author-detail", queryset=Author.objects.all())

    class Meta:
        model = Novel
        fields = ["id", "title", "author"]


class LinkedNovelViewSet(NovelViewSet):
    """The novels again, their author written as a link."""
    serializer_class = LinkedNovelSerializer


class SeenRequests(views.APIView):
    """The requests the novels and authors endpoints received, oldest first, as
    "METHOD path?query" lines (RequestLog writes them), so that tests count what the server saw."""
    def get(self, request):
        try:
            with open(RequestLog.path(), encoding="utf-8") as log:
                return Response(log.read().splitlines())
        except FileNotFoundError:
            return Response([])


class RequestLog:
    """Middleware: appends one line per request to the novels and authors endpoints (every
    worker process appends to one file; a short line is written at once)."""
    PREFIXES = ("/api/v1/novels/", "/api/v1/authors/", "/api/v1/linked-novels/", "/api/v1/tags/")

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def path():
        return os.path.join(os.path.dirname(os.environ["DRF_CONFORMANCE_DB"]), "requests.log")

    def __call__(self, request):
        if request.path.startswith(self.PREFIXES):
            with open(RequestLog.path(), "a", encoding="utf-8") as log:
                log.write("%s %s\n" % (request.method, request.get_full_path()))
        return self.get_response(request)
