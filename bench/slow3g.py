"""Benchmark: the report page on a slow mobile connection, per language, in Chromium.

Starts `khidma serve` (gunicorn with WhiteNoise, collected and compressed static files: what production
sends) on a fresh database with the demo organization, then loads `/report` in Debian's Chromium on a
phone-sized screen with Chrome DevTools' "3G" preset (formerly "Slow 3G") applied through the DevTools
protocol and the CPU slowed 4×. Each load is a first visit (an empty cache). Reports, per language, the
median of several loads: first contentful paint, DOMContentLoaded, load, when the map is ready, and the
bytes that crossed the network (bodies as sent, compressed, plus headers).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from bench.intake import _free_port, _khidma, _wait_for

# Chrome DevTools' "3G" preset (SDK.NetworkManager.Slow3GConditions, called "Slow 3G" until 2024):
# 400 ms round trip × 5 (DevTools throttles whole requests, not packets, and compensates), and 500 kbit/s
# × 0.8 both ways.
NETWORK = {
    "offline": False,
    "latency": 400 * 5,
    "downloadThroughput": 500 * 1000 / 8 * 0.8,
    "uploadThroughput": 500 * 1000 / 8 * 0.8,
}
CPU_SLOWDOWN = 4
LOCALES = {"ar": "ar-SA", "en-GB": "en-GB", "ur": "ur-PK", "id": "id-ID", "hi": "hi-IN", "bn": "bn-BD"}
CHROMIUM = os.environ.get("KHIDMA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

_TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {fcp: fcp ? fcp.startTime : null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          map: Number(document.getElementById("map").dataset.readyAt || 0) || null};
}"""
# The map marks itself ready (data-ready) once the areas are drawn; note when, on the page's clock.
_MAP_WATCH = """new MutationObserver((_, observer) => {
  const map = document.getElementById("map");
  if (map && map.dataset.ready && !map.dataset.readyAt) { map.dataset.readyAt = performance.now(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ready"]});"""


def _load(browser, url: str, locale: str) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.add_init_script(_MAP_WATCH)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    transferred: list[float] = []
    cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_selector("#map[data-ready='1']")
        page.wait_for_load_state("networkidle")
        timings = page.evaluate(_TIMINGS)
        timings["bytes"] = sum(transferred)
        timings["requests"] = len(transferred)
    finally:
        context.close()
    return timings


def measure(base_url: str, *, runs: int) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with sync_playwright() as playwright:
        arguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=arguments)
        try:
            _load(browser, f"{base_url}/report", "en-GB")  # warm the server (templates, catalogues)
            for language, locale in LOCALES.items():
                loads = [_load(browser, f"{base_url}/report", locale) for _ in range(runs)]
                results[language.split("-")[0]] = {
                    key: statistics.median(load[key] for load in loads if load[key] is not None)
                    for key in ("fcp", "dcl", "load", "map", "bytes", "requests")
                }
                print(f"slow3g {language}: {results[language.split('-')[0]]}", file=sys.stderr)
        finally:
            browser.close()
    return results


def run(*, runs: int = 3) -> str:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{data_dir}/bench.sqlite3",
            "KHIDMA_DATA_DIR": data_dir,
            "KHIDMA_ACCESS_LOG": "0",
            "KHIDMA_LOG_LEVEL": "WARNING",
            "KHIDMA_STATIC_MANIFEST": "1",
            "WEB_CONCURRENCY": "2",
        }
        _khidma(env, "migrate", "--noinput")
        _khidma(env, "collectstatic", "--noinput")
        _khidma(env, "seed-demo", "--cases", "0")
        port = _free_port()
        env.update({"HOST": "127.0.0.1", "PORT": str(port)})
        command = [sys.executable, "-m", "khidma", "serve"]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
        try:
            _wait_for(port)
            results = measure(f"http://127.0.0.1:{port}", runs=runs)
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = [
        "## Report page on a slow mobile connection",
        "",
        f"`/report` on a first visit (empty cache) in Chromium on a 390 × 844 screen, with Chrome DevTools' "
        f'"3G" network preset (formerly "Slow 3G": 2,000 ms added per request — a 400 ms round trip × 5 — '
        f"and 400 kbit/s each way) and the CPU slowed {CPU_SLOWDOWN}×, served by `khidma serve` (gunicorn, "
        f"WhiteNoise, compressed static files) with the demo organization. Median of {runs} loads per "
        "language; the map is ready when its areas are drawn; bytes are what crossed the network "
        "(compressed bodies plus headers).",
        "",
        "| language | first paint (FCP) | DOMContentLoaded | load | map ready | requests | transferred |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for language, r in results.items():
        lines.append(
            f"| {language} | {r['fcp'] / 1000:.1f} s | {r['dcl'] / 1000:.1f} s | {r['load'] / 1000:.1f} s | "
            f"{r['map'] / 1000:.1f} s | {r['requests']:.0f} | {r['bytes'] / 1000:.0f} kB |"
        )
    return "\n".join(lines)
