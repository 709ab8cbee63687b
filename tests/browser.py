"""Headless Chromium driven through the DevTools protocol, for tests that need a real page: a phone's
viewport, the dark colour scheme, measurements of what is drawn, axe-core run inside the page.

One browser per test module (the ``browser`` fixture in test_device.py); each ``open`` loads a
page in the same tab. Chromium is started on a free loopback port and ended with the module.
"""
from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio")


def chromium() -> str | None:
    """The Chromium binary on PATH, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium and one tab, spoken to with DevTools protocol commands."""

    def __init__(self, binary: str):
        self.profile = tempfile.mkdtemp(prefix="dti-chromium-")
        # stderr goes to a file, not a pipe: a pipe nobody reads would stall Chromium once full
        self.log = Path(self.profile) / "stderr.txt"
        with open(self.log, "w") as err:
            self.proc = subprocess.Popen([binary, *FLAGS, "--remote-debugging-port=0", "--remote-allow-origins=*",
                                          f"--user-data-dir={self.profile}", "about:blank"],
                                         stdout=subprocess.DEVNULL, stderr=err)
        port = self._port()
        tabs = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30).read())
        page = next(t for t in tabs if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True)
        self.next_id = 0
        self.send("Page.enable")
        self.send("Runtime.enable")

    def _port(self) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.proc.poll() is None:
            found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", self.log.read_text(errors="replace"))
            if found:
                return int(found.group(1))
            time.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port: " + self.log.read_text(errors="replace")[-500:])

    def send(self, method: str, **params):
        """Send one command and return its result (events that arrive meanwhile are dropped)."""
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, page: Path | str, width: int = 390, height: int = 844, dark: bool = False) -> None:
        """Load ``page`` in a ``width`` x ``height`` phone viewport (dark: ``prefers-color-scheme: dark``)."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600)
        self.send("Emulation.setEmulatedMedia", media="screen",
                  features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        url = page.as_uri() if isinstance(page, Path) else page
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.evaluate("document.readyState") == "complete" and self.evaluate(
                    "document.fonts.status") == "loaded":
                return
            time.sleep(0.1)
        raise RuntimeError(f"{url} did not finish loading")

    def evaluate(self, expression: str):
        """The JSON value of a JavaScript expression in the page (a promise is awaited)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description", str(result)))
        return result["result"].get("value")

    def screenshot(self, full_page: bool = True) -> bytes:
        """A PNG of the page (the whole page by default)."""
        params = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            w, h = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", **params)["data"])

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)
