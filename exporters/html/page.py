"""Assembling one self-contained HTML file: template, inlined vis-network, data, script.

Why not pyvis's own ``Network.write_html``: in pyvis 0.3.2 ``cdn_resources="in_line"``
still loads Bootstrap from a CDN, ``from_nx`` is quadratic and mutates the graph, and its
template turns a node ``title`` containing markup into live HTML. So the page is our own
template (``explorer.html``, ``explorer.css``, ``explorer.js``) and only the vis-network
9.1.2 build that pyvis ships (``pyvis/lib/vis-9.1.2/vis-network.min.js`` and ``.css``) is
read from the installed pyvis package and inlined -- never copied into this repository.

Safety, in layers:

* every string rendered server-side goes through :func:`html.escape`;
* the data travels as JSON in ``<script type="application/json">`` with ``<``, ``>``,
  ``&``, U+2028 and U+2029 written as ``\\u003c`` ... so a ``</script>`` in a footnote
  cannot end the element; the script reads it with ``JSON.parse`` and builds the DOM
  with ``textContent``;
* a Content-Security-Policy ``<meta>`` allows only the two inline scripts of the page, by
  their SHA-256 hash: even a payload that slipped into the markup could not run, and
  ``default-src 'none'`` forbids every request (images only as ``data:`` URIs, which the
  vis-network CSS uses for its icons).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

VIS_VERSION_DIR = "vis-9.1.2"
_MARKER = re.compile(r"@@KX_([A-Z_]+)@@")


class AssetError(RuntimeError):
    """A template or the vis-network build could not be read."""


@functools.lru_cache(maxsize=None)
def vis_assets() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) from the installed pyvis package."""
    import importlib.util

    # found, not imported: importing pyvis imports IPython and prompt_toolkit (0.3-1 s)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.origin:  # pragma: no cover - pyvis is a dependency
        raise AssetError("pyvis is not installed: the HTML views inline its vis-network "
                         "build (pip install pyvis)")
    base = Path(spec.origin).resolve().parent / "lib" / VIS_VERSION_DIR
    try:
        js = (base / "vis-network.min.js").read_text(encoding="utf-8")
        css = (base / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"{base}: vis-network files not found in the pyvis package "
                         f"({exc.strerror})") from exc
    _check_inline_script(js, str(base / "vis-network.min.js"))
    # the source map is not shipped; a devtools request for it would be a stray request
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
    return js, css


@functools.lru_cache(maxsize=None)
def own_asset(name: str) -> str:
    """A template file installed next to this module (``explorer.js`` ...)."""
    try:
        return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"{name}: HTML template file missing from the package") from exc


def _check_inline_script(js: str, name: str) -> None:
    low = js.lower()
    if "</script" in low or "<!--" in low:
        raise AssetError(f"{name}: contains '</script' or '<!--' and cannot be inlined")


def script_json(obj: Any) -> str:
    """JSON for a ``<script type="application/json">`` element (one serializer for every
    JSON kamerxref writes: :func:`kamerxref.exporters.json_graph.script_json`, orjson).

    ``{"text": "</script><script>alert(1)</script>"}`` ->
    ``{"text":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}``;
    JSON.parse gives back the exact string. Keys are sorted: same data, same bytes.
    """
    from kamerxref.exporters.json_graph import script_json as dump

    return dump(obj)


@functools.lru_cache(maxsize=8)
def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def esc(value: Any) -> str:
    """html.escape for text and attribute values (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


#: The explorer's own files, in load order after vis-network (``base.js`` holds what
#: both views share; ``overview.js`` draws the overview, ``explorer.js`` the letter view).
APP_SCRIPTS = {"overview": ("base.js", "overview.js"), "letter": ("base.js", "explorer.js"),
               "corpus": ("base.js", "explorer.js")}
#: Files written once per site into ``assets/`` (name -> where its text comes from).
SITE_ASSETS = ("vis-network.min.js", "vis-network.css", "explorer.css", "base.js",
               "explorer.js", "overview.js")


def asset_text(name: str) -> str:
    """The text of one file of ``assets/``: vis-network from pyvis, the rest ours."""
    if name == "vis-network.min.js":
        return vis_assets()[0]
    if name == "vis-network.css":
        return vis_assets()[1]
    text = own_asset(name)
    if name.endswith(".js"):
        _check_inline_script(text, name)
    return text


def assemble(*, title: str, mode: str, data: dict[str, Any], header: str, toolbar: str,
             body: str, skips: str, assets: str | None = None) -> str:
    """Fill ``explorer.html``. ``header``/``toolbar``/``body``/``skips`` are HTML built by
    :mod:`.render` with every document string escaped; ``title`` is plain text.

    ``assets=None`` inlines vis-network and the explorer's CSS and scripts (one file that
    works anywhere: Jupyter, ``kamerxref export html``); ``assets="../assets"`` links them
    from the site's shared folder by relative path instead, so a letter page carries only
    its data. Either way the Content-Security-Policy allows no request to the network.
    """
    scripts = ("vis-network.min.js",) + APP_SCRIPTS["overview" if mode == "overview" else mode]
    styles = ("vis-network.css", "explorer.css")
    if assets is None:
        texts = [asset_text(n) for n in scripts]
        script_src = " ".join(f"'{_sha256(t)}'" for t in texts)
        style_html = "".join("<style>" + asset_text(n).replace("</", "<\\/") + "</style>"
                             for n in styles)
        script_html = "".join(f"<script>{t}</script>" for t in texts)
        style_src = "'unsafe-inline'"
    else:
        # file: lets the pages load assets/ from a folder opened in the browser, 'self'
        # when the same folder is served over http(s); nothing else
        script_src = "'self' file:"
        style_src = "'self' file: 'unsafe-inline'"
        style_html = "".join(f'<link rel="stylesheet" href="{esc(assets)}/{n}">' for n in styles)
        script_html = "".join(f'<script src="{esc(assets)}/{n}"></script>' for n in scripts)
    csp = (f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {
        "CSP": esc(csp),
        "TITLE": esc(title),
        "MODE": esc(mode),
        "STYLES": style_html,
        "SKIPS": skips,
        "HEADER": header,
        "TOOLBAR": toolbar,
        "BODY": body,
        "DATA": script_json(data),
        "SCRIPTS": script_html,
    }

    def fill(m: re.Match[str]) -> str:
        return values[m.group(1)]

    # one pass over the template only: inserted text is never scanned for markers
    return _MARKER.sub(fill, own_asset("explorer.html"))
