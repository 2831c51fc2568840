"""HTML to PDF with a Chromium-family browser already on this computer. Never downloads anything.

The browser runs headless, without a profile of the user's own (a temporary one), without
background networking, sync or component updates; the report itself forbids every load
through its Content-Security-Policy, so printing it needs no network at all.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import ScanError

ENV = "ONTWIKKELSCAN_BROWSER"
NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
         "chrome", "microsoft-edge", "microsoft-edge-stable", "msedge")
PLACES = (  # where macOS and Windows install them, outside PATH
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
)
TIMEOUT = 90  # seconds; a report prints in one or two
NO_BROWSER = (
    "geen Chromium, Chrome of Edge gevonden om een PDF te maken. Maak het rapport als HTML "
    "(--format html -o rapport.html), open het in een browser en kies Afdrukken > Opslaan als PDF "
    "(A4, staand, achtergrondafbeeldingen aan). Of installeer Chromium (Debian/Ubuntu: "
    "apt install chromium) of wijs een browser aan met ONTWIKKELSCAN_BROWSER=/pad/naar/browser."
)


def find_browser() -> str | None:
    """$ONTWIKKELSCAN_BROWSER, else the first Chromium-family browser on PATH or in its usual place."""
    chosen = os.environ.get(ENV)
    if chosen:
        return chosen if Path(chosen).is_file() or shutil.which(chosen) else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in PLACES if Path(place).is_file()), None)


def flags(user_data: Path, pdf: Path) -> list[str]:
    return ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--metrics-recording-only",
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            f"--user-data-dir={user_data}", f"--print-to-pdf={pdf}"]


def html_to_pdf(html: str, browser: str | None = None) -> bytes:
    """Print `html` to PDF bytes (A4 from the page's own @page rule); ScanError when that fails."""
    import subprocess
    import tempfile

    browser = browser or find_browser()
    if browser is None:
        raise ScanError(NO_BROWSER)
    with tempfile.TemporaryDirectory(prefix="ontwikkelscan-pdf-") as folder:
        work = Path(folder)
        page, pdf = work / "rapport.html", work / "rapport.pdf"
        page.write_text(html, encoding="utf-8")
        command = [browser, *flags(work / "profiel", pdf), page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False,
                                  stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ScanError(f"de browser {browser} maakte geen PDF ({type(exc).__name__}); {NO_BROWSER}") from None
        if not pdf.is_file() or pdf.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exitcode {done.returncode}"]
            raise ScanError(f"de browser {browser} maakte geen PDF ({tail[0][:200]}); maak het rapport als HTML "
                            "en druk het af vanuit een browser")
        return pdf.read_bytes()
