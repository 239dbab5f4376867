"""A client written only from the GeoReport v2 documentation: it knows the base URL of discovery and its key,
and uses nothing Khidma-specific (no idempotency keys, no extensions, no locale, no jurisdiction)."""

from xml.etree import ElementTree as ET

import httpx
import pytest

pytestmark = pytest.mark.django_db(transaction=True)


class GeoReportClient:
    def __init__(self, discovery_url: str, api_key: str) -> None:
        self.http = httpx.Client(timeout=30)
        self.api_key = api_key
        discovery = self.http.get(discovery_url).json()
        endpoint = next(e for e in discovery["endpoints"] if "application/json" in e["formats"])
        self.base = endpoint["url"].rstrip("/")

    def services(self) -> list[dict]:
        return self.http.get(f"{self.base}/services.json").json()

    def definition(self, code: str) -> dict:
        return self.http.get(f"{self.base}/services/{code}.json").json()

    def create(self, fields: dict) -> list[dict]:
        response = self.http.post(f"{self.base}/requests.json", data={"api_key": self.api_key, **fields})
        response.raise_for_status()
        return response.json()

    def request(self, request_id: str) -> dict:
        return self.http.get(f"{self.base}/requests/{request_id}.json").json()[0]

    def request_xml(self, request_id: str) -> dict:
        root = ET.fromstring(self.http.get(f"{self.base}/requests/{request_id}.xml").content)  # noqa: S314
        assert root.tag == "service_requests"
        return {child.tag: child.text for child in root.find("request")}

    def close(self) -> None:
        self.http.close()


def test_discover_choose_answer_create_and_read_back(live_server, key, roads, settings):
    settings.KHIDMA_PUBLIC_BASE_URL = live_server.url  # what discovery tells clients
    client = GeoReportClient(f"{live_server.url}/open311/v2/discovery.json", key)
    try:
        service = next(s for s in client.services() if s["metadata"])
        definition = client.definition(service["service_code"])
        fields = {
            "service_code": service["service_code"],
            "lat": "21.4225",
            "long": "39.8262",
            "description": "A wide pothole by the bus stop",
            "email": "someone@example.org",
            "device_id": "abc-123",
        }
        for attribute in definition["attributes"]:
            if not (attribute["variable"] and attribute["required"]):
                continue
            if attribute["values"]:
                fields[f"attribute[{attribute['code']}]"] = attribute["values"][0]["key"]
            elif attribute["datatype"] == "number":
                fields[f"attribute[{attribute['code']}]"] = "20"
            else:
                fields[f"attribute[{attribute['code']}]"] = "yes"
        created = client.create(fields)
        request_id = created[0]["service_request_id"]
        assert set(created[0]) >= {"service_request_id", "service_notice"}

        read = client.request(request_id)
        assert read["status"] == "open"
        assert read["service_code"] == service["service_code"]
        assert read["description"] == "A wide pothole by the bus stop"
        assert (read["lat"], read["long"]) == (21.4225, 39.8262)
        assert "email" not in read and "someone@example.org" not in str(read)
        xml = client.request_xml(request_id)
        assert xml["service_request_id"] == request_id and xml["status"] == "open"

        # The same device retrying the same report gets the same request back.
        assert client.create(fields)[0]["service_request_id"] == request_id
    finally:
        client.close()
