"""Field types of API v1 that carry their limits into the OpenAPI description and enforce them.

``Day`` and ``Moment`` are dates and datetimes within the range the platform handles (1900 to 2999, see
``khidma.core.validation``): year 1 or 9999 is a 400 ``out_of_range`` naming the parameter, never an
overflow deep in a calendar or the database. ``InputSchema`` refuses a string or a number where an object is
expected (``"reporter": "bob"``), which ninja's attribute-reading schemas would otherwise read as empty.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from khidma.core.languages import LANGUAGE_CODES
from khidma.core.validation import FIRST_DATE, LAST_DATE, date_errors

_RANGE = f"Between {FIRST_DATE.isoformat()} and {LAST_DATE.isoformat()}."


def _in_range(value: datetime.date) -> datetime.date:
    if date_errors(value=value):
        raise PydanticCustomError("out_of_range", "The date is outside the range the platform handles.")
    return value


Day = Annotated[
    datetime.date,
    AfterValidator(_in_range),
    Field(
        description=_RANGE,
        json_schema_extra={
            "formatMinimum": FIRST_DATE.isoformat(),
            "formatMaximum": LAST_DATE.isoformat(),
        },
    ),
]
Moment = Annotated[datetime.datetime, AfterValidator(_in_range), Field(description=_RANGE)]

# The public languages, as a choice the OpenAPI description lists.
Language = enum.StrEnum("Language", {code: code for code in LANGUAGE_CODES})

# The largest page number a list accepts: far beyond any real list, far below an SQL integer.
MAX_PAGE = 100_000


class InputSchema(Schema):
    @model_validator(mode="before")
    @classmethod
    def _objects_only(cls, value):
        raw = getattr(value, "_obj", value)  # ninja hands the input over wrapped in a DjangoGetter
        if not isinstance(raw, (Mapping, Schema)):
            raise PydanticCustomError("dict_type", "Input should be an object")
        return value
