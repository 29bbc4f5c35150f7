"""Serializers, FilterSets and views: DRF and django-filter as their docs configure them."""
import django_filters
from rest_framework import pagination, serializers, viewsets

from .models import Post, Record, User

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


class UserViewSet(viewsets.ModelViewSet):
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
