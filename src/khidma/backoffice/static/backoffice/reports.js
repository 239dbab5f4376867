// The dashboard's hotspot map and the season report's print button. The map: the organization's areas (backoffice.js draws them) and one circle per
// hotspot, sized by its count; clicking one opens the list of its cases. Without JavaScript the table under
// the map holds the same hotspots and links.
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("hotspot-map");
    var data = document.getElementById("hotspot-data");
    if (!element || !data || typeof L === "undefined" || !window.khidmaMaps) return;
    var spots = JSON.parse(data.textContent);
    var map = window.khidmaMaps.baseMap(element);
    map.setView([21.4225, 39.8262], 11);
    var bounds = [];
    spots.forEach(function (spot) {
      var size = Math.round(22 + Math.min(spot.count, 60) * 0.6);
      var icon = L.divIcon({ className: "hotspot-marker", html: String(spot.count), iconSize: [size, size] });
      var marker = L.marker([spot.lat, spot.lon], { icon: icon, title: spot.label + ": " + spot.count, keyboard: false });
      marker.on("click", function () { if (spot.href) window.location.href = spot.href; });
      marker.addTo(map);
      bounds.push([spot.lat, spot.lon]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
  }

  // The season report's "Print" button (no inline handler: the pages' Content-Security-Policy forbids them).
  document.addEventListener("click", function (event) {
    if (event.target.closest("button.print")) window.print();
  });

  document.addEventListener("DOMContentLoaded", start);
})();
