"""The gazetteer in the admin: an organization administrator corrects a place, and its search follows."""

from __future__ import annotations

import json

import pytest

from khidma.organizations.gazetteer import place_search
from khidma.organizations.models import Place

pytestmark = pytest.mark.django_db


def test_an_added_spelling_is_found_and_the_key_stays(client, gazetteer, staff):
    client.force_login(staff["admin"])
    mina = Place.objects.get(organization=gazetteer, key="mina")
    url = f"/admin/organizations/place/{mina.pk}/change/"
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert form.status_code == 200 and 'name="key"' not in form.content.decode()  # set once
    response = client.post(
        url,
        {
            "names": json.dumps(mina.names),
            "kind": "holy_site",
            "aliases": json.dumps(["Muna"]),
            "lat": "21.4133",
            "lon": "39.8933",
            "area": str(mina.area_id),
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert place_search(organization=gazetteer, query="Muna")[0].place.key == "mina"
    assert Place.objects.filter(organization=gazetteer).count() == 6


def test_a_place_switched_off_is_no_longer_suggested(client, gazetteer, staff):
    client.force_login(staff["admin"])
    ajyad = Place.objects.get(organization=gazetteer, key="ajyad")
    client.post(
        f"/admin/organizations/place/{ajyad.pk}/change/",
        {
            "names": json.dumps(ajyad.names),
            "kind": ajyad.kind,
            "aliases": "[]",
            "lat": str(ajyad.lat),
            "lon": str(ajyad.lon),
            "area": str(ajyad.area_id),
        },
    )
    assert not place_search(organization=gazetteer, query="Ajyad")
