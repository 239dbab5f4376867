// The report form works without this file (a typed address or landmark). With it the person can use their
// location or put a pin on a map that draws the organization's boundary and areas, and is shown open
// reports of the same kind nearby ("is it one of these?") before sending.
(function () {
  "use strict";

  var form = document.getElementById("report-form");
  if (!form) return;
  document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });

  var options = JSON.parse(document.getElementById("map-options").textContent);
  var statusNames = JSON.parse(document.getElementById("status-names").textContent);
  var latInput = document.getElementById("id_lat");
  var lonInput = document.getElementById("id_lon");
  var placeKeyInput = document.getElementById("id_place");
  var status = document.getElementById("place-status");
  var areaLine = document.getElementById("place-area");
  var clearButton = document.getElementById("clear-pin");
  var nearby = document.getElementById("nearby");
  var nearbyList = document.getElementById("nearby-list");
  var hasLeaflet = typeof window.L !== "undefined";
  var map = null;
  var marker = null;
  var boundary = null;
  var areas = [];
  var dismissed = "";

  function say(key) {
    status.textContent = status.dataset[key] || "";
  }

  function showArea(name) {
    areaLine.textContent = name ? areaLine.dataset.label.replace("{name}", name) : "";
  }

  // Even-odd ray casting on GeoJSON rings ([lon, lat]); enough for city-sized polygons.
  function ringContains(ring, lon, lat) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
  function contains(geometry, lon, lat) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.some(function (rings) {
      return ringContains(rings[0], lon, lat) && !rings.slice(1).some(function (hole) {
        return ringContains(hole, lon, lat);
      });
    });
  }

  function areaName(lat, lon) {
    for (var i = 0; i < areas.length; i++) {
      if (contains(areas[i].geometry, lon, lat)) return areas[i].properties.name;
    }
    return "";
  }

  var pinIcon = hasLeaflet ? L.divIcon({
    className: "pin",
    html: '<svg viewBox="0 0 28 40" width="28" height="40" aria-hidden="true"><path d="M14 1C7 1 1 6.6 1 13.6 1 23 14 39 14 39s13-16 13-25.4C27 6.6 21 1 14 1z" fill="#a4161a" stroke="#fff" stroke-width="2"/><circle cx="14" cy="14" r="5" fill="#fff"/></svg>',
    iconSize: [28, 40],
    iconAnchor: [14, 39]
  }) : null;

  // placeKey: the gazetteer place the point stands for (a chosen suggestion); any other point clears it.
  function setPoint(lat, lon, message, placeKey) {
    if (boundary && !contains(boundary.geometry, lon, lat)) {
      say("outside");
      return;
    }
    placeKeyInput.value = placeKey || "";
    latInput.value = lat.toFixed(6);
    lonInput.value = lon.toFixed(6);
    if (map) {
      if (marker) {
        marker.setLatLng([lat, lon]);
      } else {
        marker = L.marker([lat, lon], { draggable: true, icon: pinIcon, keyboard: true }).addTo(map);
        marker.on("dragend", function () {
          var p = marker.getLatLng();
          setPoint(p.lat, p.lng, "pinned");
        });
      }
    }
    say(message);
    showArea(areaName(lat, lon));
    clearButton.hidden = false;
    checkNearby();
  }

  clearButton.addEventListener("click", function () {
    latInput.value = "";
    lonInput.value = "";
    placeKeyInput.value = "";
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    status.textContent = "";
    showArea("");
    clearButton.hidden = true;
    checkNearby();
  });

  document.getElementById("locate").addEventListener("click", function () {
    if (!navigator.geolocation) {
      say("failed");
      return;
    }
    say("locating");
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = position.coords.latitude, lon = position.coords.longitude;
      setPoint(lat, lon, "located");
      if (map) map.setView([lat, lon], 16);
    }, function () {
      say("failed");
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  if (hasLeaflet) {
    map = L.map("map", { attributionControl: !!options.tile_url, zoomSnap: 0.5 });
    map.setView([21.4225, 39.8262], 11);
    if (options.tile_url) {
      L.tileLayer(options.tile_url, { attribution: options.tile_attribution, maxZoom: 19 }).addTo(map);
    }
    map.on("click", function (event) {
      setPoint(event.latlng.lat, event.latlng.lng, "pinned");
    });
    fetch(options.areas_url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        data.features.forEach(function (feature) {
          if (feature.properties.kind === "boundary") boundary = feature;
          else areas.push(feature);
        });
        var layer = L.geoJSON(data, {
          interactive: false,
          style: function (feature) {
            return feature.properties.kind === "boundary"
              ? { color: "#0b6e4f", weight: 3, fill: false }
              : { color: "#0b6e4f", weight: 1, dashArray: "4 4", fillColor: "#0b6e4f", fillOpacity: 0.06 };
          }
        }).addTo(map);
        if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        map.getContainer().dataset.ready = "1";
        if (latInput.value && lonInput.value) {
          setPoint(parseFloat(latInput.value), parseFloat(lonInput.value), "pinned", placeKeyInput.value);
          map.setView([parseFloat(latInput.value), parseFloat(lonInput.value)], 15);
        }
      })
      .catch(function () { map.getContainer().dataset.ready = "1"; });
  }

  // "Is it one of these?": open reports of the chosen kind near the chosen place (API v1).
  function nearbyKey() {
    var chosen = form.querySelector("input[name=category]:checked");
    if (!chosen || !chosen.value || !latInput.value || !lonInput.value) return "";
    return [chosen.value, latInput.value, lonInput.value].join(",");
  }

  function checkNearby() {
    var key = nearbyKey();
    if (!key || key === dismissed) {
      nearby.hidden = true;
      return;
    }
    var parts = key.split(",");
    var query = new URLSearchParams({ category: parts[0], lat: parts[1], lon: parts[2] });
    fetch(nearby.dataset.url + "?" + query.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (found) {
        if (key !== nearbyKey()) return;
        nearbyList.textContent = "";
        found.forEach(function (report) {
          var item = document.createElement("li");
          var title = document.createElement("strong");
          title.textContent = report.category ? report.category.name : "";
          var facts = document.createElement("span");
          facts.textContent = [
            statusNames[report.status] || report.status,
            nearby.dataset.distance.replace("{m}", report.distance_m)
          ].join(" · ");
          var link = document.createElement("a");
          link.href = "/track/" + encodeURIComponent(report.reference);
          link.textContent = nearby.dataset.follow;
          var reference = document.createElement("bdi");
          reference.textContent = report.reference;
          item.append(title, " ", reference, document.createElement("br"), facts, document.createElement("br"), link);
          nearbyList.appendChild(item);
        });
        nearby.hidden = found.length === 0;
      })
      .catch(function () { nearby.hidden = true; });
  }

  document.getElementById("nearby-dismiss").addEventListener("click", function () {
    dismissed = nearbyKey();
    nearby.hidden = true;
  });
  form.querySelectorAll("input[name=category]").forEach(function (input) {
    input.addEventListener("change", checkNearby);
  });

  // Places of the gazetteer suggested as the person types (GET /api/v1/places, any language or script);
  // choosing one puts the pin on it. Without this, the server places a typed name it is sure of.
  var placeInput = document.getElementById("id_address");
  var suggestions = document.getElementById("place-suggestions");
  var suggestionsStatus = document.getElementById("place-suggestions-status");
  var found = [];
  var active = -1;
  var typedTimer = null;
  var asked = "";
  placeInput.setAttribute("role", "combobox");
  placeInput.setAttribute("aria-autocomplete", "list");
  placeInput.setAttribute("aria-controls", "place-suggestions");
  placeInput.setAttribute("aria-expanded", "false");
  placeInput.setAttribute("autocomplete", "off");

  function closeSuggestions() {
    suggestions.hidden = true;
    suggestions.textContent = "";
    placeInput.setAttribute("aria-expanded", "false");
    placeInput.removeAttribute("aria-activedescendant");
    found = [];
    active = -1;
  }

  function highlight(index) {
    active = index;
    suggestions.querySelectorAll("[role=option]").forEach(function (item, i) {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0) placeInput.setAttribute("aria-activedescendant", "place-option-" + index);
    else placeInput.removeAttribute("aria-activedescendant");
  }

  function choose(index) {
    var place = found[index];
    if (!place) return;
    placeInput.value = place.name;
    asked = place.name;
    closeSuggestions();
    setPoint(place.lat, place.lon, "pinned", place.key);
    suggestionsStatus.textContent = suggestionsStatus.dataset.placed;
    if (map) map.setView([place.lat, place.lon], 16);
  }

  function showSuggestions(places) {
    suggestions.textContent = "";
    found = places;
    places.forEach(function (place, index) {
      var item = document.createElement("li");
      item.id = "place-option-" + index;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      var name = document.createElement("span");
      name.textContent = place.name;
      item.appendChild(name);
      if (place.area && place.area !== place.name) {
        var area = document.createElement("span");
        area.className = "hint";
        area.textContent = place.area;
        item.appendChild(area);
      }
      // mousedown, not click: the field must not lose the choice to its blur.
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(index);
      });
      suggestions.appendChild(item);
    });
    suggestions.hidden = places.length === 0;
    placeInput.setAttribute("aria-expanded", places.length ? "true" : "false");
    suggestionsStatus.textContent = places.length
      ? suggestionsStatus.dataset.count.replace("{n}", places.length) : "";
    active = -1;
  }

  function lookUp() {
    var typed = placeInput.value.trim();
    if (typed === asked) return;
    asked = typed;
    if (typed.length < 2) {
      closeSuggestions();
      return;
    }
    var query = new URLSearchParams({ q: typed, language: suggestions.dataset.language, limit: "6" });
    fetch(suggestions.dataset.url + "?" + query.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (places) { if (typed === asked) showSuggestions(places); })
      .catch(closeSuggestions);
  }

  placeInput.addEventListener("input", function () {
    clearTimeout(typedTimer);
    typedTimer = setTimeout(lookUp, 200);
  });
  placeInput.addEventListener("keydown", function (event) {
    if (suggestions.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + found.length) % found.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();  // choosing a place must not send the form
      choose(active);
    } else if (event.key === "Escape") {
      closeSuggestions();
    }
  });
  placeInput.addEventListener("blur", function () { setTimeout(closeSuggestions, 150); });

  // "Send me a code" and "check the code" without leaving the page (the form does the same without this).
  var phoneCheck = document.getElementById("phone-check");
  function phoneStep(action, button) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    data.append("action", action);
    data.append("phone", form.elements.phone.value);
    data.append("verification", form.elements.verification.value);
    data.append("code", form.elements.code ? form.elements.code.value : "");
    button.setAttribute("aria-disabled", "true");
    // form.action would be the buttons named "action": read the attribute.
    fetch(form.getAttribute("action"), {
      method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin"
    })
      .then(function (response) { return response.json(); })
      .then(function (step) {
        button.removeAttribute("aria-disabled");
        var phoneInput = document.getElementById("id_phone");
        var codeInput = document.getElementById("id_code");
        var live = document.getElementById("code-error-live");
        var sent = document.getElementById("code-sent");
        var phoneErrors = (step.errors.phone || []).join(" ");
        var codeErrors = (step.errors.code || []).join(" ");
        live.textContent = action === "check_code" ? codeErrors : "";
        sent.textContent = phoneErrors || step.notice || "";
        sent.className = phoneErrors ? "error" : "notice";
        phoneInput.toggleAttribute("aria-invalid", !!phoneErrors);
        if (codeInput) codeInput.toggleAttribute("aria-invalid", !!codeErrors);
        if (step.key) form.elements.verification.value = step.key;
        if (step.verified) {
          phoneCheck.textContent = "";
          var done = document.createElement("p");
          done.className = "notice";
          done.id = "phone-verified";
          done.textContent = "\u2713 " + phoneCheck.dataset.verified;
          phoneCheck.appendChild(done);
        } else if (step.sent && !phoneErrors) {
          document.getElementById("field-code").hidden = false;
          codeInput.focus();
        }
      })
      .catch(function () { button.removeAttribute("aria-disabled"); });
  }
  ["send-code", "check-code"].forEach(function (id) {
    var button = document.getElementById(id);
    if (!button) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      phoneStep(button.value, button);
    });
  });
  var codeField = document.getElementById("id_code");
  if (codeField) {
    codeField.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        phoneStep("check_code", document.getElementById("check-code"));
      }
    });
  }
  // A new number needs a new code.
  document.getElementById("id_phone").addEventListener("change", function () {
    if (document.getElementById("phone-verified")) return;
    form.elements.verification.value = "";
  });

  // One press of "send" is enough; the server also refuses a repeat of the same submission.
  form.addEventListener("submit", function () {
    document.getElementById("send").setAttribute("aria-disabled", "true");
  });
})();
