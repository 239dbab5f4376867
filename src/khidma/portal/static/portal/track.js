// The tracking page's small map: the problem's place as a pin over the organization's boundary and areas
// (the same data as the report form's map). Without JavaScript the page names the area instead.
(function () {
  "use strict";
  var element = document.getElementById("place-map");
  if (!element || typeof window.L === "undefined") return;
  var options = JSON.parse(document.getElementById("map-options").textContent);
  var lat = parseFloat(element.dataset.lat), lon = parseFloat(element.dataset.lon);
  var map = L.map(element, { attributionControl: !!options.tile_url, zoomSnap: 0.5, scrollWheelZoom: false });
  if (options.tile_url) {
    L.tileLayer(options.tile_url, { attribution: options.tile_attribution, maxZoom: 19 }).addTo(map);
  }
  map.setView([lat, lon], 15);
  L.marker([lat, lon], {
    keyboard: false,
    icon: L.divIcon({
      className: "pin",
      html: '<svg viewBox="0 0 28 40" width="28" height="40" aria-hidden="true"><path d="M14 1C7 1 1 6.6 1 13.6 1 23 14 39 14 39s13-16 13-25.4C27 6.6 21 1 14 1z" fill="#a4161a" stroke="#fff" stroke-width="2"/><circle cx="14" cy="14" r="5" fill="#fff"/></svg>',
      iconSize: [28, 40],
      iconAnchor: [14, 39]
    })
  }).addTo(map);
  fetch(options.areas_url, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      L.geoJSON(data, {
        interactive: false,
        style: function (feature) {
          return feature.properties.kind === "boundary"
            ? { color: "#0b6e4f", weight: 3, fill: false }
            : { color: "#0b6e4f", weight: 1, dashArray: "4 4", fillColor: "#0b6e4f", fillOpacity: 0.06 };
        }
      }).addTo(map);
      element.dataset.ready = "1";
    })
    .catch(function () { element.dataset.ready = "1"; });
})();
