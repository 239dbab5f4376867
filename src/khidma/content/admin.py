"""The knowledge base and the awareness posts in the admin: for looking things up. Writing goes through the
back office's content screens (/staff/content/), which record who changed what and when."""

from __future__ import annotations

from django.contrib import admin

from khidma.accounts.models import Role
from khidma.content.models import Article, ArticleTranslation, Post, PostTranslation, Topic
from khidma.core.admin import OrgScopedAdmin


class ReadOnlyMixin:
    def _allowed(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or getattr(user, "role", "") == Role.ORG_ADMIN)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ArticleTranslationInline(ReadOnlyMixin, admin.StackedInline):
    model = ArticleTranslation
    fields = ("language", "title", "body", "updated_at", "updated_by")
    extra = 0


class PostTranslationInline(ReadOnlyMixin, admin.StackedInline):
    model = PostTranslation
    fields = ("language", "title", "body", "image_alt", "updated_at", "updated_by")
    extra = 0


@admin.register(Topic)
class TopicAdmin(ReadOnlyMixin, OrgScopedAdmin):
    list_display = ("code", "__str__", "sort_order", "organization", "updated_at", "updated_by")
    list_filter = ("organization",)


@admin.register(Article)
class ArticleAdmin(ReadOnlyMixin, OrgScopedAdmin):
    list_display = ("slug", "kind", "topic", "is_published", "published_at", "updated_at", "updated_by")
    list_filter = ("organization", "kind", "is_published", "topic")
    search_fields = ("slug", "translations__title")
    inlines = [ArticleTranslationInline]


@admin.register(Post)
class PostAdmin(ReadOnlyMixin, OrgScopedAdmin):
    list_display = ("slug", "is_published", "published_at", "updated_at", "updated_by")
    list_filter = ("organization", "is_published")
    search_fields = ("slug", "translations__title")
    inlines = [PostTranslationInline]
