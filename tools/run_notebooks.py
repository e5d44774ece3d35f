#!/usr/bin/env python3
"""Execute Deno notebooks headlessly with nbclient and render them to HTML with nbconvert.

Usage: run_notebooks.py [--out DIR] [--root DIR] [--jobs N] [--html] [--no-input] [--kernel deno]
                        [--edition student|teacher] NOTEBOOK...

* Collects the outputs the Deno kernel publishes after it reports idle (nbclient would drop them): a
  sentinel request after each cell proves when the cell's output has all arrived (see DenoClient); any
  later straggler is filed under the cell it belongs to.
* --jobs N executes N notebooks at once, each with its own kernel; what it prints comes notebook by
  notebook, in the order given, as with --jobs 1, and the files are the same.
* Stops at the first failing cell and prints the cell's real error (name, message, traceback), the
  notebook and the cell number (for a syntax error, which the kernel reports as a bare "Execution failed",
  the parse error from `deno fmt`); exit code 1.
* Writes the executed copy (DIR/<name>.ipynb) and, with --html, a self-contained HTML file (DIR/<name>.html);
  --no-input leaves the code out of the HTML (a report shows its outputs only).
* The kernel runs in the notebook's folder, so it finds the project's deno.json and frozen deno.lock.
* --edition student (the default) leaves out the cells tagged "teacher" (their metadata has
  "tags": ["teacher"]); --edition teacher executes every cell (tools/editions.ts describes the convention).
"""
import argparse
import asyncio
import json
import os
import queue
import re
import sys
import threading
import time
import uuid

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError
from nbclient.util import ensure_async


SENTINEL_MSG_TYPE = "clusterlab_end_of_cell"  # the sentinel's broadcast (not a Jupyter output type)


class DenoClient(NotebookClient):
    """nbclient that collects the outputs the Deno kernel publishes after it reports 'idle'.

    The Deno kernel (2.9) reports a cell's 'idle' before all of the cell's outputs are on IOPub: console
    output goes through a queue that is published at its own pace (thousands of lines can still be on their
    way), and a large result or display is published after 'idle'; each such message carries the parent id of
    whichever execute request is the kernel's latest when it is sent, not necessarily the cell's.

    The end of a cell's output is therefore proved, not waited for: after the cell's 'idle' the client sends
    a sentinel, a silent execute request (no history, no execution count) whose code lets zero-delay timers
    run, broadcasts a marker message (the path of displays and results) and writes a unique marker to stdout
    and to stderr (the kernel's one console queue, first in first out). When the sentinel's own 'idle' and
    its three markers have arrived, everything the cell published before the sentinel ran has been
    delivered: messages tagged with the sentinel's id are the cell's, the markers are dropped. (A kernel_info
    request would prove nothing: its status messages overtake both queues.) A message that arrives later
    still (a timer the cell left running) is added to the cell its parent id names while another cell runs;
    after the last cell the client reads IOPub until it has been quiet for `grace_s`.

    The sentinel is sent once IOPub has been quiet for `settle_s`: not part of the proof, only a lower chance
    that Deno 2.9 interleaves the frames of a multi-megabyte result still on its way with the sentinel's own
    messages, which jupyter_client rejects as "Invalid Signature" (a 9 MB result: 3 runs in 8 without it).
    """

    grace_s = 0.5  # once per notebook, after the last cell (timers it left running)
    settle_s = 0.05  # IOPub quiet this long before the sentinel is sent (see _sentinel)
    sentinel_timeout_s = 60  # the sentinel's markers must arrive within this after its 'idle'
    current_cell = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.iopub_timeout = self.sentinel_timeout_s + 30  # nbclient's own bound on the whole output wait
        self.raise_on_iopub_timeout = True  # a lost output is an error, never a warning
        self._owner = {}  # parent msg id (a cell's or its sentinel's) -> (cell, cell_index)
        self._sentinels = {}  # sentinel msg id -> its marker

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        self.current_cell = cell
        last = all(c.cell_type != "code" for c in self.nb.cells[cell_index + 1:])
        try:
            result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        except CellExecutionError:
            await self._drain()
            raise
        if last:
            await self._drain()
        return result

    async def _next(self, timeout=None):
        """The next IOPub message, or None after `timeout` seconds."""
        try:
            return await ensure_async(self.kc.iopub_channel.get_msg(timeout=timeout))
        except (queue.Empty, asyncio.TimeoutError, TimeoutError):
            return None

    drain_max_s = 5.0
    settle_max_s = 1.0

    async def _drain(self):
        """After the last cell ran (or one failed): file the stragglers of every cell until IOPub is quiet, for
        at most `drain_max_s` (a timer left printing would otherwise keep the run waiting for ever)."""
        end = time.monotonic() + self.drain_max_s
        while time.monotonic() < end and (msg := await self._next(self.grace_s)) is not None:
            self._route(msg)

    def _route(self, msg):
        """Process `msg` into the cell it belongs to (by its parent id); the sentinel's own messages are not
        outputs. True when `msg` is the current cell's 'idle'."""
        parent = msg["parent_header"].get("msg_id")
        owner = self._owner.get(parent)
        if owner is None:
            return False
        if parent in self._sentinels:
            if msg["msg_type"] in ("status", "execute_input", SENTINEL_MSG_TYPE):
                return False
            if msg["msg_type"] == "stream":
                marker = self._sentinels[parent]
                text = msg["content"].get("text", "")
                if marker in text:
                    msg = {**msg, "content": {**msg["content"], "text": text.replace(marker + "\n", "")}}
                    if not msg["content"]["text"]:
                        return False
        try:
            self.process_message(msg, *owner)
        except CellExecutionComplete:
            return True
        return False

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self._owner[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await self._next()
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                if self._route(msg):
                    break
            else:
                self._route(msg)
        await self._sentinel(cell, cell_index)

    async def _sentinel(self, cell, cell_index):
        """Send the sentinel after `cell`'s 'idle' and read IOPub until its 'idle' and markers arrived."""
        # a short quiet spell first (see settle_s), for at most settle_max_s: output that never stops (an
        # interval left running) must not hold the sentinel back, which is what proves the end of the cell
        end = time.monotonic() + self.settle_max_s
        while time.monotonic() < end and (msg := await self._next(self.settle_s)) is not None:
            self._route(msg)
        marker = f"\x1fclusterlab end of cell {uuid.uuid4().hex}\x1f"
        m = json.dumps(marker)
        code = (
            "await new Promise((r) => setTimeout(r, 0));\n"
            f"await Deno.jupyter.broadcast({json.dumps(SENTINEL_MSG_TYPE)}, {{ marker: {m} }});\n"
            f"console.log({m});\n"
            f"console.error({m});\n"
        )
        sid = await ensure_async(self.kc.execute(code, silent=True, store_history=False, stop_on_error=False))
        self._sentinels[sid] = marker
        self._owner[sid] = (cell, cell_index)
        waiting = {"idle", "stdout", "stderr", "broadcast"}
        deadline = None
        while waiting:
            left = None if deadline is None else deadline - asyncio.get_running_loop().time()
            msg = await self._next(left) if left is None or left > 0 else None
            if msg is None:
                raise CellTimeoutError.error_from_timeout_and_cell(
                    f"The end-of-cell sentinel's markers ({', '.join(sorted(waiting))}) did not arrive",
                    self.sentinel_timeout_s, cell)
            if msg["parent_header"].get("msg_id") == sid:
                content = msg["content"]
                if msg["msg_type"] == "status" and content.get("execution_state") == "idle":
                    waiting.discard("idle")
                    deadline = asyncio.get_running_loop().time() + self.sentinel_timeout_s
                elif msg["msg_type"] == SENTINEL_MSG_TYPE and content.get("marker") == marker:
                    waiting.discard("broadcast")
                elif msg["msg_type"] == "stream" and marker in content.get("text", ""):
                    waiting.discard(content.get("name"))
                elif msg["msg_type"] == "error":  # the kernel could not run the sentinel itself
                    raise RuntimeError(f"the end-of-cell sentinel failed: {content.get('ename')}: "
                                       f"{content.get('evalue')}")
            self._route(msg)


TEACHER_TAG = "teacher"


def edition_of(nb, edition):
    """The notebook of an edition: the student edition drops the cells tagged "teacher" (as editionOf() in
    tools/editions.ts does); the teacher edition keeps every cell."""
    if edition == "student":
        nb.cells = [c for c in nb.cells if TEACHER_TAG not in c.get("metadata", {}).get("tags", [])]
    return nb


def is_parameter_error(evalue):
    """Is this the error param() raises for a bad --param value (a ValidationError of a notebook parameter)?"""
    return evalue.lstrip().startswith("Invalid notebook parameter ")


def cell_error(nb):
    """The first error output of the notebook, as text, and the 1-based code-cell number."""
    k = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        k += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                evalue = out.get("evalue") or ""
                if is_parameter_error(evalue):
                    return k, evalue, None  # the message names the parameter: no source, no traceback
                tb = "\n".join(out.get("traceback", []))
                return k, f"{out.get('ename')}: {evalue}\n{tb}", cell.source
    return None


def syntax_error(source):
    """The parse error of a cell's code, from `deno fmt` (the kernel reports only "Execution failed")."""
    import subprocess

    deno = os.environ.get("CLUSTERLAB_DENO", "deno")
    try:
        r = subprocess.run([deno, "fmt", "--ext=ts", "-"], input=source, capture_output=True, text=True,
                           env={**os.environ, "NO_COLOR": "1"}, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if r.returncode == 0:
        return None
    return r.stderr.split("\nStack backtrace:")[0].strip()


def self_contained(html):
    """Drop the script tags Debian's nbconvert points at local files (require.js, MathJax under
    file:///usr/share/javascript): they exist on no reader's machine, ClusterLab outputs do not use them, and
    the page must open offline anywhere."""
    html = re.sub(r'<script src="file://[^"]*"[^>]*>\s*</script>\n?', "", html)
    html = re.sub(r"<!-- MathJax configuration -->.*?<!-- End of mathjax configuration -->", "", html,
                  flags=re.S)
    return html


def with_png_links(nb):
    """A copy of the notebook in which every output that carries both an HTML chart and its PNG fallback shows
    the chart inline (SVG) followed by a link to the embedded PNG (for slides and documents): nbconvert would
    otherwise keep only the HTML and drop the PNG from the page."""
    import copy

    nb = copy.deepcopy(nb)
    k = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" in data and "image/png" in data:
                k += 1
                png = data["image/png"]
                png = png if isinstance(png, str) else "".join(png)
                html = data["text/html"]
                html = html if isinstance(html, str) else "".join(html)
                data["text/html"] = (
                    html
                    + f'<p class="cl-png"><a download="figure-{k}.png" '
                    + f'href="data:image/png;base64,{png.strip()}">PNG</a></p>'
                )
    return nb


def render_html(nb, path, no_input=False):
    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    exporter.embed_images = True
    if no_input:  # a report: outputs only, no code and no prompts
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(with_png_links(nb))
    body = self_contained(body)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def out_dir(path, out, root):
    """Where the executed copy of `path` goes: a notebook in ROOT/sub/ goes to OUT/sub/, any other to OUT/."""
    if root is None:
        return out
    rel = os.path.relpath(os.path.dirname(os.path.abspath(path)), os.path.abspath(root))
    return out if rel == ".." or rel.startswith(".." + os.sep) else os.path.normpath(os.path.join(out, rel))


def run_one(path, out, args):
    """Execute one notebook (its own kernel) and render it. Returns (ok, lines): what to print, in order, as
    (stream, text) pairs; the kernel's own stdout and stderr (Deno's start-up warning) are captured and come
    first, so a notebook's lines stay together whichever notebooks run beside it."""
    import tempfile

    name = os.path.splitext(os.path.basename(path))[0]
    os.makedirs(out, exist_ok=True)
    lines = []
    nb = edition_of(nbformat.read(path, as_version=4), args.edition)
    client = DenoClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        record_timing=False,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        # every output has been read when the client shuts the kernel down (a graceful shutdown waits 0.2 s)
        shutdown_kernel="immediate",
    )
    if args.html:  # nbconvert takes 0.2 s to import: meanwhile the kernel starts and runs
        threading.Thread(target=lambda: __import__("nbconvert"), daemon=True).start()
    t0 = time.time()
    error = None
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as kout, \
            tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as kerr:
        try:
            client.execute(stdout=kout, stderr=kerr)
        except CellExecutionError as e:
            error = str(e)
        except Exception as e:  # kernel died, timeout, ...
            error = f"{type(e).__name__}: {e}"
        for f, stream in ((kerr, "stderr"), (kout, "stdout")):
            f.seek(0)
            if text := f.read():
                lines.append((stream, text))
    found = cell_error(nb)
    executed = os.path.join(out, f"{name}.ipynb")
    nbformat.write(nb, executed)
    if error is not None or found is not None:
        err = [f"FAILED {path}"]
        if found is not None:
            k, text, source = found
            if source is None:  # a parameter error: its message names the parameter, printed once
                err.append(f"  {text.strip()}")
                lines.extend(("stderr", e + "\n") for e in err)
                return False, lines
            err.append(f"  code cell {k}:\n{source}\n  error: {text}")
        if error is not None and (found is None or "Execution failed" in (found[1] or "")):
            err.append(f"  {error}")
            cell = client.current_cell
            parse = syntax_error(cell.source) if cell is not None and "Execution failed" in error else None
            if parse:
                err.append(f"  syntax error in that cell:\n{parse}")
            elif "Invalid Signature" in error:
                err.append("  (the kernel sent a corrupted message: Deno 2.9's kernel can interleave the frames "
                           "of a multi-megabyte output with another message; rerun, or display less)")
            elif "Execution failed" in error:
                err.append("  (a bare 'Execution failed' is an import or syntax error: run "
                           "'deno task check' to see it)")
        lines.extend(("stderr", e + "\n") for e in err)
        return False, lines
    line = f"ok {path} ({time.time() - t0:.1f} s) -> {executed}"
    if args.html:
        html = os.path.join(out, f"{name}.html")
        render_html(nb, html, args.no_input)
        line += f", {html}"
    lines.append(("stdout", line + "\n"))
    return True, lines


UNSTABLE = 'Warning "deno jupyter" is unstable'
_unstable_shown = False


def once_unstable(text):
    """`text` without Deno's "deno jupyter is unstable" warning after its first appearance in this run (every
    kernel prints it when it starts)."""
    global _unstable_shown
    kept = []
    for line in text.splitlines(keepends=True):
        if UNSTABLE in re.sub(r"\x1b\[[0-9;]*m", "", line):
            if _unstable_shown:
                continue
            _unstable_shown = True
        kept.append(line)
    return "".join(kept)


def show(lines):
    for stream, text in lines:
        f = sys.stdout if stream == "stdout" else sys.stderr
        f.write(once_unstable(text))
        f.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--out", default="out")
    ap.add_argument("--root", default=None,
                    help="a notebook in ROOT/sub/ goes to OUT/sub/ (default: every notebook to OUT/)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="notebooks executed at once, each with its own kernel (default 1)")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--kernel", default="deno")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--edition", choices=["student", "teacher"], default="student")
    ap.add_argument("--no-input", action="store_true", help="leave the code cells' source out of the HTML")
    args = ap.parse_args()
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    jobs = [(path, out_dir(path, args.out, args.root)) for path in args.notebooks]
    os.makedirs(args.out, exist_ok=True)
    failed = 0
    if args.jobs == 1 or len(jobs) == 1:
        for path, out in jobs:
            ok, lines = run_one(path, out, args)
            show(lines)
            failed += not ok
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # each worker runs whole notebooks; their lines are printed in the order of the notebooks given. Forked
        # workers: this process has no thread, kernel or event loop yet, and (unlike spawn) fork leaves no
        # resource-tracker process behind
        with ProcessPoolExecutor(max_workers=min(args.jobs, len(jobs)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(run_one, path, out, args) for path, out in jobs]
            for future in futures:
                ok, lines = future.result()
                show(lines)
                failed += not ok
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
