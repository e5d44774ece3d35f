#!/usr/bin/env python3
"""Execute Deno notebooks headlessly with nbclient and render them to HTML with nbconvert.

Usage: run_notebooks.py [--out DIR] [--html] [--no-input] [--kernel deno] [--edition student|teacher] NOTEBOOK...

* Waits for outputs the Deno kernel publishes after it reports idle (nbclient would drop them), and files
  any later straggler under the cell it belongs to.
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
import os
import queue
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async


class DenoClient(NotebookClient):
    """nbclient that keeps reading IOPub after 'idle' (Deno may publish outputs late).

    After a cell's 'idle', messages are read until none has arrived for `grace_s` (each message for the cell
    restarts the wait). A message that arrives later still, while another cell runs, is added to the cell it
    belongs to (by its parent message id) instead of being dropped.
    """

    grace_s = 0.5
    current_cell = None

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

    async def _drain(self):
        """After the last cell ran (or one failed): file the stragglers of every cell until IOPub is quiet."""
        earlier = getattr(self, "_earlier", {})
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.grace_s))
            except (queue.Empty, asyncio.TimeoutError, TimeoutError):
                return
            parent = msg["parent_header"].get("msg_id")
            if parent in earlier:
                try:
                    self.process_message(msg, *earlier[parent])
                except CellExecutionComplete:
                    pass

    def _route(self, msg, parent_msg_id, cell, cell_index):
        """Process `msg` into its own cell; True when it is the current cell's 'idle'."""
        parent = msg["parent_header"].get("msg_id")
        if parent == parent_msg_id:
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                return True
        elif parent in self._earlier:
            try:
                self.process_message(msg, *self._earlier[parent])
            except CellExecutionComplete:
                pass
        return False

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        if not hasattr(self, "_earlier"):
            self._earlier = {}
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if self._route(msg, parent_msg_id, cell, cell_index):
                break
        loop = asyncio.get_running_loop()
        end = loop.time() + self.grace_s
        while (left := end - loop.time()) > 0:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
            except (queue.Empty, asyncio.TimeoutError, TimeoutError):
                break
            self._route(msg, parent_msg_id, cell, cell_index)
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                end = loop.time() + self.grace_s
        self._earlier[parent_msg_id] = (cell, cell_index)


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--out", default="out")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--kernel", default="deno")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--edition", choices=["student", "teacher"], default="student")
    ap.add_argument("--no-input", action="store_true", help="leave the code cells' source out of the HTML")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failed = 0
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = edition_of(nbformat.read(path, as_version=4), args.edition)
        client = DenoClient(
            nb,
            kernel_name=args.kernel,
            timeout=args.timeout,
            record_timing=False,
            allow_errors=False,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        )
        t0 = time.time()
        error = None
        try:
            client.execute()
        except CellExecutionError as e:
            error = str(e)
        except Exception as e:  # kernel died, timeout, ...
            error = f"{type(e).__name__}: {e}"
        found = cell_error(nb)
        executed = os.path.join(args.out, f"{name}.ipynb")
        nbformat.write(nb, executed)
        if error is not None or found is not None:
            failed += 1
            print(f"FAILED {path}", file=sys.stderr)
            if found is not None:
                k, text, source = found
                if source is None:
                    print(f"  {text.strip()}", file=sys.stderr)
                    continue
                print(f"  code cell {k}:\n{source}\n  error: {text}", file=sys.stderr)
            if error is not None and (found is None or "Execution failed" in (found[1] or "")):
                print(f"  {error}", file=sys.stderr)
                cell = client.current_cell
                parse = syntax_error(cell.source) if cell is not None and "Execution failed" in error else None
                if parse:
                    print(f"  syntax error in that cell:\n{parse}", file=sys.stderr)
                elif "Invalid Signature" in error:
                    print("  (the kernel sent a corrupted message: Deno 2.9's kernel can interleave the frames "
                          "of a multi-megabyte output with another message; rerun, or display less)",
                          file=sys.stderr)
                elif "Execution failed" in error:
                    print("  (a bare 'Execution failed' is an import or syntax error: run "
                          "'deno task check' to see it)", file=sys.stderr)
            continue
        line = f"ok {path} ({time.time() - t0:.1f} s) -> {executed}"
        if args.html:
            html = os.path.join(args.out, f"{name}.html")
            render_html(nb, html, args.no_input)
            line += f", {html}"
        print(line, flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
