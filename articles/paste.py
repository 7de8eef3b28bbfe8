"""The admin's "Paste a clipping" page: raw text in, checked fields beside it, saved through intake.

The page is two steps on one form. "Read the text" parses what was pasted and fills the fields;
the editor corrects them, confirms the suggested topics, and saves a draft or publishes. The
pasted text travels with every post, so whatever goes wrong it is still in the text box.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .clippings import ClippingError, parse_clipping
from .intake import existing_clipping, outlet_directory, save_clipping, suggest_topics
from .models import CLIPPING_FIELDS, Article, Outlet, Tag

READ, DRAFT, PUBLISH = "read", "draft", "publish"
MAX_PASTE = 200_000


class PasteForm(forms.Form):
    raw = forms.CharField(
        label=gettext_lazy("Raw clipping"),
        widget=forms.Textarea(attrs={"rows": 30, "cols": 70, "spellcheck": "false"}),
        max_length=MAX_PASTE,
        strip=False,
    )


class ClippingForm(forms.ModelForm):
    """The fields an editor checks before saving; validated like the model itself."""

    source_url = forms.URLField(
        label=gettext_lazy("Source URL"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = Article
        fields = [*CLIPPING_FIELDS, "tags"]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "body": forms.Textarea(attrs={"rows": 16}),
            "tags": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tags"].queryset = Tag.objects.select_related("parent").order_by(
            "parent__name", "name"
        )
        self.fields["tags"].label = _("Topics")

    def clean(self) -> dict:
        cleaned = super().clean()
        outlet, day, title = (cleaned.get(k) for k in ("outlet", "published_on", "title"))
        if outlet and day and title:
            duplicate = existing_clipping(outlet, day, title)
            if duplicate is not None:
                url = reverse("admin:articles_article_change", args=[duplicate.pk])
                raise forms.ValidationError(
                    _("%(outlet)s already has this headline on %(day)s: see %(url)s"),
                    params={"outlet": outlet, "day": day.isoformat(), "url": url},
                    code="duplicate",
                )
        return cleaned

    def validate_unique(self) -> None:
        # clean() reports the one collision an editor can cause here, with a link to it.
        return


def parsed_initial(text: str) -> tuple[dict, list[str], list[str]]:
    """Fields read from pasted text, plus problems and notes to show beside it."""
    try:
        parsed = parse_clipping(text)
    except ClippingError as error:
        where = _(" (line %(line)s)") % {"line": error.line} if error.line else ""
        return {}, [f"{error}{where}"], []
    notes = list(parsed.warnings)
    initial = parsed.article_values()
    slug = outlet_directory().resolve(parsed.outlet)
    if slug is None:
        notes.append(
            _("Unknown outlet “%(name)s”: choose one, or add it first.") % {"name": parsed.outlet}
        )
    else:
        initial["outlet"] = Outlet.objects.get(slug=slug)
    if parsed.other_outlets:
        notes.append(
            _("Also named in the source line: %(names)s.")
            % {"names": ", ".join(parsed.other_outlets)}
        )
    suggested = suggest_topics(f"{parsed.title}\n{parsed.body}", Tag.objects.all())
    initial["tags"] = suggested
    if suggested:
        notes.append(_("Suggested topics are ticked: confirm or change them."))
    return initial, [], notes


def paste_view(request: HttpRequest, model_admin: admin.ModelAdmin) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    publish_allowed = model_admin.has_change_permission(request)
    problems: list[str] = []
    notes: list[str] = []
    clipping_form = None
    if request.method == "POST":
        paste_form = PasteForm(request.POST)
        action = request.POST.get("action", READ)
        if action == READ:
            if paste_form.is_valid():
                initial, problems, notes = parsed_initial(paste_form.cleaned_data["raw"])
                clipping_form = ClippingForm(initial=initial) if initial else None
        elif action in (DRAFT, PUBLISH):
            clipping_form = ClippingForm(request.POST)
            if clipping_form.is_valid():
                values = dict(clipping_form.cleaned_data)
                tags = values.pop("tags")
                record = save_clipping(values, tags, publish=action == PUBLISH)
                if record.action == "created":
                    article = Article.objects.get(
                        outlet=values["outlet"],
                        published_on=values["published_on"],
                        title=values["title"],
                    )
                    text = _("Published") if action == PUBLISH else _("Saved as a draft")
                    model_admin.message_user(request, f"{text}: {article.title}", messages.SUCCESS)
                    return HttpResponseRedirect(
                        reverse("admin:articles_article_change", args=[article.pk])
                    )
                problems = record.errors or [_("Nothing was saved.")]
    else:
        paste_form = PasteForm()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": _("Paste a clipping"),
        "paste_form": paste_form,
        "clipping_form": clipping_form,
        "problems": problems,
        "notes": notes,
        "publish_allowed": publish_allowed,
        "read": READ,
        "draft": DRAFT,
        "publish": PUBLISH,
    }
    return TemplateResponse(request, "admin/articles/article/paste.html", context)
