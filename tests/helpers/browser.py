"""Loads a saved HTML file in headless Chromium with the network off, over the DevTools protocol
(--remote-debugging-pipe: no extra Python package, no port). Used by the browser test and by
`make screenshot`, which makes the README's picture the same way.

What "network off" means here, all at once:
- DevTools' own offline emulation (Network.emulateNetworkConditions), which fails every request;
- a proxy that does not exist and a resolver that finds no host, so nothing could get out anyway;
- where `unshare -rn` works (Linux user namespaces), a network namespace with no interface at all.
Every request the page attempts is still reported (Network.requestWillBeSent fires before it
fails), which is what the test asserts on.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

A4_WIDTH_IN, A4_HEIGHT_IN = 8.27, 11.69
LETTER_WIDTH_IN, LETTER_HEIGHT_IN = 8.5, 11.0
PRINT_MARGIN_IN = 0.55  # the template's @page margin is 14 mm on each side
TIMEOUT = 90.0  # a safety net against a hung browser, never asserted on

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--mute-audio",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)

# What the test wants to know about the page, read from the rendered DOM.
FACTS = """(() => {
  const table = document.querySelector('table#comparison-table');
  const referral = document.querySelector('footer.referral');
  return {
    title: document.title,
    lang: document.documentElement.lang,
    scripts: document.scripts.length,
    table_columns: table ? [...table.querySelectorAll('thead th[scope=col]')].map(th => th.innerText.split(/\\s+/).join(' ')) : [],
    table_row_headers: table ? [...table.querySelectorAll('tbody th[scope=row]')].map(th => th.textContent.trim()) : [],
    table_cells: table ? table.querySelectorAll('tbody td').length : 0,
    referral_text: referral ? referral.innerText : '',
    referral_is_last: (() => {  // nothing follows it, at any level up to the body
      for (let e = referral; e && e !== document.body; e = e.parentElement) if (e.nextElementSibling) return false;
      return !!referral;
    })(),
    links: [...document.querySelectorAll('[href], [src]')].map(e => e.getAttribute('href') || e.getAttribute('src')),
    headings: [...document.querySelectorAll('h1, h2')].map(h => h.tagName + ' ' + h.textContent.trim()),
    all_headings: [...document.querySelectorAll('h1, h2, h3, h4, caption')].map(h => h.textContent.trim()),
    text: document.body.innerText,
  };
})()"""  # noqa: E501

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


# ---- reading a printed PDF back (poppler-utils: pdfinfo, pdftotext) ---------------------------


def pdf_tools_missing() -> list[str]:
    return [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]


def needs(missing: list[str], how: str) -> None:
    """Skips the test where tools are missing on a developer's machine; in CI, where .ci/run
    installs them, that is a failure. `how` says how to install them."""
    import pytest  # only for the tests that call it: the screenshot script imports this module too

    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"missing in CI: {', '.join(missing)} ({how}; .ci/run should have installed it)")
        pytest.skip(f"missing: {', '.join(missing)} ({how})")


def _squash(text: str) -> str:
    return " ".join(text.split())


def pdf_page_count(pdf: bytes) -> int:
    """The number of pages, as `pdfinfo` reads it."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_page_texts(pdf: bytes) -> list[str]:
    """Each page's text in reading order (`pdftotext` without -layout: a page printed in two
    columns reads down the first, then the second), one string per page."""
    pages = []
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        for number in range(1, pdf_page_count(pdf) + 1):
            command = ["pdftotext", "-f", str(number), "-l", str(number), file.name, "-"]
            pages.append(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return pages


def stranded_headings(pages: list[str], headings: list[str]) -> list[tuple[int, str]]:
    """(page number, heading) for every page whose last text is a heading: a heading alone at a
    page's foot, its text on the next page. A wrapped heading counts too (the page's text is
    compared with whitespace squashed)."""
    found = []
    for number, text in enumerate(pages[:-1], start=1):
        squashed = _squash(text)
        found += [(number, h) for h in headings if _squash(h) and squashed.endswith(_squash(h))]
    return found


def referral_problems(pages: list[str], title: str, last_line: str) -> list[str]:
    """What is wrong with where the referral fell: alone on its page (nothing printed before its
    title there), cut over two pages, or missing."""
    at = [number for number, text in enumerate(pages) if _squash(title) in _squash(text)]
    if not at:
        return ["the referral's title is on no page"]
    number = at[-1]
    lines = pages[number].splitlines()
    opening = " ".join(_squash(title).split()[:3])
    start = next(i for i, line in enumerate(lines) if opening in _squash(line))
    # What precedes the title on its page: lines above it, and beside it (the ruled notes column).
    before = "\n".join(lines[:start]) + lines[start][: lines[start].find(opening.split()[0])]
    problems = []
    if not _squash(before):
        problems.append(f"the referral is alone on page {number + 1}")
    if _squash(last_line) not in _squash("\n".join(lines[start:])):
        problems.append(f"the referral does not end on page {number + 1}, where it starts")
    return problems


class BrowserError(RuntimeError):
    """Chromium could not be started or stopped answering."""


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _network_namespace() -> list[str]:
    """`unshare -rn` as a prefix where it works: the browser then has no network interface."""
    if not shutil.which("unshare"):
        return []
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    return ["unshare", "-rn"] if probe.returncode == 0 else []


@dataclass
class PageReport:
    url: str
    facts: dict[str, Any]
    dom: str
    requests: list[str]  # every URL the page asked for, the file itself included
    screenshot: bytes
    pdfs: dict[str, bytes]  # paper name -> PDF
    print_overflow: dict[str, int]  # paper name -> pixels wider than the printable width
    isolation: list[str] = field(default_factory=list)

    @property
    def network_requests(self) -> list[str]:
        """Requests that would have left the machine: anything but the file and inline data."""
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]


class _Pipe:
    """The DevTools protocol over two pipes: JSON messages separated by NUL bytes."""

    def __init__(self, process: subprocess.Popen, to_browser: int, from_browser: int):
        self.process, self.to_browser, self.from_browser = process, to_browser, from_browser
        self.buffer = b""
        self.events: list[dict[str, Any]] = []
        self.next_id = 0

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("chromium stopped answering")
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise BrowserError(f"chromium exited (code {self.process.poll()})")
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for event in self.events:
                if event.get("method") == method:
                    self.events.remove(event)
                    return event
            self.events.append(self._message(deadline))


def _evaluate(pipe: _Pipe, session: str, expression: str) -> Any:
    result = pipe.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    return result["result"].get("value")


def _printable_width_px(paper_width_in: float) -> int:
    return int((paper_width_in - 2 * PRINT_MARGIN_IN) * 96)


def load_page(html: Path, width: int = 1000, height: int = 2000) -> PageReport:
    """Opens `html` from disk with the network off; returns what was rendered and requested."""
    binary = chromium_path()
    if binary is None:
        raise BrowserError("chromium is not installed (Debian: apt-get install chromium)")
    url = html.resolve().as_uri()
    isolation = _network_namespace()
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()

    def child_fds() -> None:  # the browser reads commands on fd 3 and answers on fd 4
        # Through fresh copies: the pipes may already be fds 3 and 4, and dup2 onto itself would
        # keep them close-on-exec.
        commands, answers = os.dup(to_browser_r), os.dup(from_browser_w)
        os.dup2(commands, 3)
        os.dup2(answers, 4)

    with tempfile.TemporaryDirectory(prefix="explorer-chromium-") as profile:
        process = subprocess.Popen(
            [*isolation, binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=child_fds,
            close_fds=False,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        pipe = _Pipe(process, to_browser_w, from_browser_r)
        try:
            target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            pipe.send("Network.enable", {}, session)
            pipe.send(
                "Network.emulateNetworkConditions",
                {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
                session,
            )
            pipe.send("Page.enable", {}, session)
            pipe.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                session,
            )
            pipe.send("Page.navigate", {"url": url}, session)
            pipe.wait_for("Page.loadEventFired")
            facts = _evaluate(pipe, session, FACTS)
            dom = _evaluate(pipe, session, "document.documentElement.outerHTML")
            shot = pipe.send("Page.captureScreenshot", {"format": "png"}, session)
            pdfs, overflow = {}, {}
            for paper, (paper_width, paper_height) in {
                "A4": (A4_WIDTH_IN, A4_HEIGHT_IN),
                "Letter": (LETTER_WIDTH_IN, LETTER_HEIGHT_IN),
            }.items():
                printed = pipe.send(
                    "Page.printToPDF",
                    {"paperWidth": paper_width, "paperHeight": paper_height, "printBackground": True},
                    session,
                )
                pdfs[paper] = base64.b64decode(printed["data"])
                # Laid out for print at the paper's printable width, nothing may stick out sideways.
                pipe.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
                pipe.send(
                    "Emulation.setDeviceMetricsOverride",
                    {
                        "width": _printable_width_px(paper_width),
                        "height": height,
                        "deviceScaleFactor": 1,
                        "mobile": False,
                    },
                    session,
                )
                overflow[paper] = int(_evaluate(pipe, session, OVERFLOW))
                pipe.send("Emulation.setEmulatedMedia", {"media": ""}, session)
            requests = [
                e["params"]["request"]["url"] for e in pipe.events if e.get("method") == "Network.requestWillBeSent"
            ]
            requests += [e["params"]["url"] for e in pipe.events if e.get("method") == "Network.webSocketCreated"]
            try:
                pipe.send("Browser.close")
            except BrowserError:
                pass  # it may close the pipe before answering
        finally:
            os.close(to_browser_w)
            os.close(from_browser_r)
            try:
                process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return PageReport(
        url=url,
        facts=facts,
        dom=dom,
        requests=requests,
        screenshot=base64.b64decode(shot["data"]),
        pdfs=pdfs,
        print_overflow=overflow,
        isolation=isolation,
    )
