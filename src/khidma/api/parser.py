"""Reading request bodies and parameters: Django ninja's parser, refusing text that is not text.

A NUL byte or a lone surrogate (``"\\ud800"`` is valid JSON) in any string of a body, a query or a form is
refused here with the field named, before a schema, a service or the database sees it."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser
from ninja.types import DictStrAny

from khidma.core.validation import ensure_clean_data


class CleanTextParser(Parser):
    def parse_body(self, request: HttpRequest) -> DictStrAny:
        data = json.loads(request.body)
        ensure_clean_data(data)
        return data

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> DictStrAny:
        result = super().parse_querydict(data, list_fields, request)
        ensure_clean_data(result)
        return result
