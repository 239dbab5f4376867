"""Staff screens for the advisory knowledge base and the awareness posts (/staff/content/).

Organization administrators and supervisors (content/access.py) write articles, questions and posts in
every public language and publish or withdraw them. Views read the form, call content.services and render;
a refused form comes back with every problem beside its field and everything typed still there. The
screens' own strings are in the content app's templates (its catalogue), not here.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from khidma.content import access, selectors, services
from khidma.content.models import Article, Post, Topic
from khidma.core.errors import DomainError
from khidma.core.languages import LANGUAGE_CODES

from .multilingual import form_errors, language_rows, per_language_from

DONE = {"created", "saved", "published", "unpublished"}


def editor_required(view):
    @wraps(view)
    @login_required(login_url="backoffice:login")
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not access.can_edit(request.user):
            return render(request, "backoffice/denied.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _get(user, model, pk: int):
    """One of the user's organization's rows; another organization's is "not found"."""
    row = access.scoped(user, model.objects.all()).filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


def _translations_of(obj) -> dict[str, dict[str, str]]:
    return {
        t.language: {"title": t.title, "body": t.body, "image_alt": getattr(t, "image_alt", "")}
        for t in obj.translations.all()
    }


def _sort_order(request: HttpRequest) -> int:
    value = request.POST.get("sort_order", "0").strip()
    return int(value) if value.isdigit() else 0


@editor_required
def content_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "content/staff/home.html",
        {
            "articles": selectors.article_list_for_staff(access.scoped(user, Article.objects.all())),
            "posts": selectors.post_list_for_staff(access.scoped(user, Post.objects.all())),
            "topics": access.scoped(user, Topic.objects.all()),
        },
    )


# --- Articles and questions ---------------------------------------------------------------------------------


def _article_page(request, *, article, values, errors, status=200):
    return render(
        request,
        "content/staff/article_form.html",
        {
            "article": article,
            "values": values,
            "languages": language_rows(values["translations"], errors),
            "errors": errors,
            "topics": access.scoped(request.user, Topic.objects.all()),
            "kinds": Article.Kind.choices,
            "done": request.GET.get("done") if request.GET.get("done") in DONE else "",
        },
        status=status,
    )


def _article_values(request) -> dict:
    return {
        "kind": request.POST.get("kind", Article.Kind.ARTICLE),
        "topic": request.POST.get("topic", ""),
        "slug": request.POST.get("slug", ""),
        "sort_order": _sort_order(request),
        "translations": per_language_from(request.POST),
    }


@editor_required
def article_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        values = _article_values(request)
        try:
            article = services.article_create(
                organization=request.user.organization, by=request.user, **values
            )
        except DomainError as exc:
            return _article_page(request, article=None, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:content-article", args=[article.pk]) + "?done=created")
    values = {"kind": request.GET.get("kind", "article"), "topic": "", "slug": "", "sort_order": 0}
    return _article_page(request, article=None, values={**values, "translations": {}}, errors={})


@editor_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = _get(request.user, Article, pk)
    if request.method == "POST":
        values = _article_values(request)
        try:
            services.article_update(article=article, by=request.user, **values)
        except DomainError as exc:
            return _article_page(request, article=article, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:content-article", args=[article.pk]) + "?done=saved")
    values = {
        "kind": article.kind,
        "topic": str(article.topic_id or ""),
        "slug": article.slug,
        "sort_order": article.sort_order,
        "translations": _translations_of(article),
    }
    return _article_page(request, article=article, values=values, errors={})


@editor_required
@require_POST
def article_publish(request: HttpRequest, pk: int) -> HttpResponse:
    article = _get(request.user, Article, pk)
    publish = request.POST.get("publish") == "1"
    try:
        if publish:
            services.article_publish(article=article, by=request.user)
        else:
            services.article_unpublish(article=article, by=request.user)
    except DomainError as exc:
        values = {
            "kind": article.kind,
            "topic": str(article.topic_id or ""),
            "slug": article.slug,
            "sort_order": article.sort_order,
            "translations": _translations_of(article),
        }
        return _article_page(request, article=article, values=values, errors=form_errors(exc), status=400)
    done = "published" if publish else "unpublished"
    return redirect(reverse("backoffice:content-article", args=[article.pk]) + f"?done={done}")


# --- Awareness posts ---------------------------------------------------------------------------------------


def _post_page(request, *, post, values, errors, status=200):
    return render(
        request,
        "content/staff/post_form.html",
        {
            "post": post,
            "values": values,
            "languages": language_rows(values["translations"], errors),
            "errors": errors,
            "done": request.GET.get("done") if request.GET.get("done") in DONE else "",
        },
        status=status,
    )


@editor_required
def post_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        values = {"slug": request.POST.get("slug", ""), "translations": per_language_from(request.POST)}
        try:
            post = services.post_create(
                organization=request.user.organization,
                by=request.user,
                image=request.FILES.get("image"),
                **values,
            )
        except DomainError as exc:
            return _post_page(request, post=None, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:content-post", args=[post.pk]) + "?done=created")
    return _post_page(request, post=None, values={"slug": "", "translations": {}}, errors={})


@editor_required
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = _get(request.user, Post, pk)
    if request.method == "POST":
        values = {"slug": request.POST.get("slug", ""), "translations": per_language_from(request.POST)}
        try:
            services.post_update(post=post, by=request.user, image=request.FILES.get("image"), **values)
        except DomainError as exc:
            return _post_page(request, post=post, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:content-post", args=[post.pk]) + "?done=saved")
    values = {"slug": post.slug, "translations": _translations_of(post)}
    return _post_page(request, post=post, values=values, errors={})


@editor_required
def post_image(request: HttpRequest, pk: int) -> FileResponse:
    """A post's image for its editors, also before it is published."""
    post = _get(request.user, Post, pk)
    if not post.image:
        raise Http404
    response = FileResponse(post.image.open("rb"), content_type=post.image_type or "application/octet-stream")
    response["Cache-Control"] = "private, max-age=600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@editor_required
@require_POST
def post_publish(request: HttpRequest, pk: int) -> HttpResponse:
    post = _get(request.user, Post, pk)
    publish = request.POST.get("publish") == "1"
    try:
        if publish:
            services.post_publish(post=post, by=request.user)
        else:
            services.post_unpublish(post=post, by=request.user)
    except DomainError as exc:
        values = {"slug": post.slug, "translations": _translations_of(post)}
        return _post_page(request, post=post, values=values, errors=form_errors(exc), status=400)
    done = "published" if publish else "unpublished"
    return redirect(reverse("backoffice:content-post", args=[post.pk]) + f"?done={done}")


# --- Topics ------------------------------------------------------------------------------------------------


def _topic_page(request, *, topic, values, errors, status=200):
    names = {code: {"name": values["names"].get(code, "")} for code in LANGUAGE_CODES}
    return render(
        request,
        "content/staff/topic_form.html",
        {
            "topic": topic,
            "values": values,
            "languages": language_rows(names, errors),
            "errors": errors,
            "done": request.GET.get("done") if request.GET.get("done") in DONE else "",
        },
        status=status,
    )


def _topic_values(request) -> dict:
    return {
        "code": request.POST.get("code", ""),
        "names": {code: request.POST.get(f"name_{code}", "") for code in LANGUAGE_CODES},
        "sort_order": _sort_order(request),
    }


@editor_required
def topic_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        values = _topic_values(request)
        try:
            topic = services.topic_create(organization=request.user.organization, by=request.user, **values)
        except DomainError as exc:
            return _topic_page(request, topic=None, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:content-topic", args=[topic.pk]) + "?done=created")
    return _topic_page(request, topic=None, values={"code": "", "names": {}, "sort_order": 0}, errors={})


@editor_required
def topic_edit(request: HttpRequest, pk: int) -> HttpResponse:
    topic = _get(request.user, Topic, pk)
    if request.method == "POST":
        values = _topic_values(request)
        try:
            services.topic_update(topic=topic, by=request.user, **values)
        except DomainError as exc:
            return _topic_page(request, topic=topic, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:content-topic", args=[topic.pk]) + "?done=saved")
    values = {"code": topic.code, "names": topic.names, "sort_order": topic.sort_order}
    return _topic_page(request, topic=topic, values=values, errors={})
