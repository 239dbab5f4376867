// The back office's small enhancements. Every page works without this file: the map only shows the place
// (its coordinates are printed beside it), and the console's latitude/longitude fields can be typed.
(function () {
  "use strict";

  function drawAreas(map, url) {
    if (!url) return;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        L.geoJSON(data, {
          interactive: false,
          style: function (feature) {
            return feature.properties.kind === "boundary"
              ? { color: "#0b5d3b", weight: 2, fill: false }
              : { color: "#5b6b73", weight: 1, fillOpacity: 0.04 };
          },
        }).addTo(map);
        map.getContainer().dataset.ready = "1";
      })
      .catch(function () { map.getContainer().dataset.ready = "1"; });
  }

  function baseMap(element) {
    var map = L.map(element, { attributionControl: !!element.dataset.tileUrl, zoomSnap: 0.5 });
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution, maxZoom: 19 }).addTo(map);
    }
    drawAreas(map, element.dataset.areasUrl);
    return map;
  }

  var pin = function () {
    return L.divIcon({ className: "pin", html: "<span></span>", iconSize: [24, 24], iconAnchor: [12, 24] });
  };

  function caseMap(element) {
    var lat = parseFloat(element.dataset.lat), lon = parseFloat(element.dataset.lon);
    var map = baseMap(element);
    map.setView([lat, lon], 15);
    L.marker([lat, lon], { icon: pin(), keyboard: false }).addTo(map);
  }

  function pickMap(element) {
    var latInput = document.getElementById(element.dataset.latInput);
    var lonInput = document.getElementById(element.dataset.lonInput);
    var areaInput = document.getElementById(element.dataset.areaInput);
    var map = baseMap(element);
    var marker = null;
    function place(lat, lon) {
      if (marker) marker.setLatLng([lat, lon]);
      else marker = L.marker([lat, lon], { icon: pin(), keyboard: false }).addTo(map);
    }
    // The console's one way to set the point, for the map, the area list and any other place picker (a
    // gazetteer dispatches "khidma:place" on the map with {lat, lon}): fill in the coordinates and move the
    // pin. `source` says who set it; a point the agent clicked, typed or picked is never replaced by an
    // area's.
    function setPoint(lat, lon, source) {
      latInput.value = lat.toFixed(6);
      lonInput.value = lon.toFixed(6);
      latInput.dataset.source = lonInput.dataset.source = source;
      place(lat, lon);
      map.setView([lat, lon], Math.max(map.getZoom(), source === "area" ? 13 : 15));
    }
    element.addEventListener("khidma:place", function (event) {
      setPoint(event.detail.lat, event.detail.lon, event.detail.source || "place");
    });
    map.setView([21.4225, 39.8262], 11);
    if (latInput.value && lonInput.value) place(parseFloat(latInput.value), parseFloat(lonInput.value));
    map.on("click", function (event) { setPoint(event.latlng.lat, event.latlng.lng, "map"); });
    [latInput, lonInput].forEach(function (input) {
      input.addEventListener("input", function () { latInput.dataset.source = lonInput.dataset.source = "typed"; });
    });
    if (areaInput) {
      var points = JSON.parse(areaInput.dataset.points || "{}");
      areaInput.addEventListener("change", function () {
        var point = points[areaInput.value];
        var own = latInput.value && latInput.dataset.source !== "area";
        if (point && !own) setPoint(point[0], point[1], "area");
      });
    }
  }

  function init(root) {
    if (typeof L === "undefined") return;
    root.querySelectorAll(".map[data-lat]").forEach(function (element) {
      if (!element.dataset.started) { element.dataset.started = "1"; caseMap(element); }
    });
    root.querySelectorAll(".map.pick").forEach(function (element) {
      if (!element.dataset.started) { element.dataset.started = "1"; pickMap(element); }
    });
  }

  // A suggested category chosen with one click (or Enter) fills the console's category field; without this
  // script the same button submits the form with that category (nothing is created).
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".pick-category");
    if (!button) return;
    var select = document.querySelector("#console-form select[name=category]");
    if (!select) return;
    event.preventDefault();
    select.value = button.dataset.category;
    select.focus();
  });

  // Working through a queue from the keyboard (the keys are listed on the page): j/k move between cases,
  // Enter opens one, x selects it, t takes it, a goes to the bulk assignment, / to the search, n to a new case.
  function typing(target) {
    return target.closest("input, select, textarea, [contenteditable]") !== null;
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("table.cases tbody tr[data-reference]")); }
  function current() { return document.querySelector("table.cases tr.current"); }
  function move(step) {
    var list = rows();
    if (!list.length) return;
    var index = list.indexOf(current());
    var next = list[Math.min(list.length - 1, Math.max(0, index < 0 ? 0 : index + step))];
    list.forEach(function (row) { row.classList.remove("current"); });
    next.classList.add("current");
    next.querySelector("a.ref").focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var row = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "x": if (row) { var box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; } break;
      case "t": if (row && row.querySelector("button.take")) row.querySelector("button.take").click(); break;
      case "a":
        var assignee = document.getElementById("bulk-assignee");
        if (!assignee) return;
        document.getElementById("bulk-action").value = "assign";
        assignee.focus();
        break;
      case "/":
        var search = document.querySelector(".filters input[name=q]");
        if (!search) return;
        search.focus();
        break;
      case "n":
        var create = document.querySelector("a[accesskey=n]");
        if (!create) return;
        window.location.href = create.href;
        break;
      default: return;
    }
    event.preventDefault();
  });
  // Enter on a focused case link opens it (the browser's own behaviour); a row clicked becomes the current one.
  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest("table.cases tbody tr[data-reference]");
    if (!row) return;
    rows().forEach(function (other) { other.classList.toggle("current", other === row); });
  });

  // A gazetteer place chosen among the console's suggestions fills the address, the point and the place.
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".pick-place");
    if (!button) return;
    var form = document.getElementById("console-form");
    form.elements.address.value = button.dataset.name;
    form.elements.place.value = button.dataset.key;
    form.elements.lat.value = button.dataset.lat;
    form.elements.lon.value = button.dataset.lon;
    var map = document.getElementById("console-map");
    if (map) {
      map.dispatchEvent(new CustomEvent("khidma:place", {
        detail: { lat: parseFloat(button.dataset.lat), lon: parseFloat(button.dataset.lon) }
      }));
    }
    document.getElementById("place-suggestions").textContent = "";
    form.elements.address.focus();
  });

  // The dashboard's hotspot map (reports.js) starts from the same base map.
  window.khidmaMaps = { baseMap: baseMap };

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  // A refused filter answers 400 with the form and its errors: show it, as for a 200.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Content swapped in by htmx (a case after an action) gets its map too.
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
