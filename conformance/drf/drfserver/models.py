"""The models of the seed's documentation, a large collection for paging, the books of the
conformance dataset (conformance/books.json), and novels with their authors (relations)."""
from django.db import models


class User(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)
    active = models.BooleanField(default=True)
    role = models.CharField(max_length=20, default="member")
    age = models.IntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Post(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, default="")
    published = models.BooleanField(default=False)
    author = models.ForeignKey(User, related_name="posts", on_delete=models.CASCADE)


class Record(models.Model):
    seq = models.IntegerField(unique=True)
    label = models.CharField(max_length=40)


class Book(models.Model):
    title = models.CharField(max_length=200)
    pages = models.IntegerField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    genre = models.CharField(max_length=40, null=True, blank=True)
    available = models.BooleanField(null=True, blank=True)


class Author(models.Model):
    name = models.CharField(max_length=100)
    country = models.CharField(max_length=2)


class Tag(models.Model):
    name = models.CharField(max_length=40)


class Novel(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, related_name="novels", on_delete=models.PROTECT)
    tags = models.ManyToManyField(Tag, related_name="novels", blank=True)
