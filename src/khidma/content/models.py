"""What an organization publishes for the public: the advisory knowledge base ("Mustasharak Al-Amin":
topics, articles and FAQs) and short illustrated awareness posts ("Municipal Snap").

Each article and post has one translation per language. Every row belongs to one organization and records
who created it and who changed it last, and when. Writes are in services.py; nothing happens in save().
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.core import clock
from khidma.organizations.models import NamedMixin, Organization

LANGUAGE_CHOICES = settings.LANGUAGES


class Audited(models.Model):
    created_at = models.DateTimeField(_("created at"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        abstract = True


class Topic(NamedMixin, Audited):
    """A heading of the knowledge base: engineering offices, residential building, shops, investment…"""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    code = models.SlugField(_("code"), max_length=50)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="content_topic_code")]

    def __str__(self) -> str:
        return self.name_in() or self.code


class Article(Audited):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        FAQ = "faq", _("Question and answer")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    topic = models.ForeignKey(
        Topic,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("topic"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    slug = models.SlugField(_("address"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["sort_order", "slug"]
        constraints = [models.UniqueConstraint(fields=["organization", "slug"], name="content_article_slug")]
        indexes = [models.Index(fields=["organization", "is_published"], name="content_article_pub")]

    def __str__(self) -> str:
        return self.slug


class ArticleTranslation(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    # Title and text folded (khidma.core.text.fold_for_search) so any spelling finds the article.
    search_text = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="content_article_translation")
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"


def post_image_path(instance: Post, filename: str) -> str:
    # Never the uploader's file name; a fresh random name per image, under the data directory's media.
    return f"awareness/{instance.organization_id}/{filename}"


class Post(Audited):
    """A short illustrated awareness post."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    slug = models.SlugField(_("address"), max_length=80)
    image = models.FileField(_("image"), upload_to=post_image_path, max_length=300, blank=True)
    image_type = models.CharField(max_length=20, blank=True)
    image_width = models.PositiveIntegerField(null=True, blank=True)
    image_height = models.PositiveIntegerField(null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("awareness post")
        verbose_name_plural = _("awareness posts")
        ordering = ["-published_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["organization", "slug"], name="content_post_slug")]
        indexes = [
            models.Index(fields=["organization", "is_published", "-published_at"], name="content_post_pub")
        ]

    def __str__(self) -> str:
        return self.slug


class PostTranslation(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    image_alt = models.CharField(_("image description"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["post", "language"]
        constraints = [models.UniqueConstraint(fields=["post", "language"], name="content_post_translation")]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"
