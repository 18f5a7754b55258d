"""Baselines for ratios: a bare JSON view, and a minimal view validating a small form and inserting a row."""

from django import forms
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from bench.baseline.models import BaselineRow


class SmallForm(forms.Form):
    name = forms.CharField(max_length=100)
    message = forms.CharField(min_length=20, max_length=5000)


def bare_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


@csrf_exempt
def form_insert(request: HttpRequest) -> JsonResponse:
    form = SmallForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    row = BaselineRow.objects.create(**form.cleaned_data)
    return JsonResponse({"id": row.pk}, status=201)
