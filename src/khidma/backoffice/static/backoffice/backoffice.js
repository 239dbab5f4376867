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
    var map = baseMap(element);
    var marker = null;
    function place(lat, lon) {
      if (marker) marker.setLatLng([lat, lon]);
      else marker = L.marker([lat, lon], { icon: pin(), keyboard: false }).addTo(map);
    }
    map.setView([21.4225, 39.8262], 11);
    if (latInput.value && lonInput.value) place(parseFloat(latInput.value), parseFloat(lonInput.value));
    map.on("click", function (event) {
      latInput.value = event.latlng.lat.toFixed(6);
      lonInput.value = event.latlng.lng.toFixed(6);
      place(event.latlng.lat, event.latlng.lng);
    });
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

  // A suggested category chosen with one click (or Enter) fills the console's category field.
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".pick-category");
    if (!button) return;
    var select = document.querySelector("#console-form select[name=category]");
    if (select) { select.value = button.dataset.category; select.focus(); }
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
