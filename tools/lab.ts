/**
 * Register the Deno kernel for Jupyter (kernelspec with NO_COLOR and message-mode interrupts) and open
 * Jupyter on `notebooks/` when Jupyter is installed; otherwise say exactly what to install.
 * @module
 */
import { join } from "node:path";
import { jupyterArgs, patchKernelSpec, ROOT } from "./jupyter.ts";

const install = await new Deno.Command(Deno.execPath(), { args: ["jupyter", "--install", "--force"] })
  .output();
const said = new TextDecoder().decode(install.stdout) + new TextDecoder().decode(install.stderr);
if (!install.success) {
  console.error(said);
  Deno.exit(1);
}
// Deno prints where it put the kernelspec ("… installed successfully at DIR."): XDG_DATA_HOME/jupyter on
// Linux, ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows. Fall back to the Linux default.
const dir = said.match(/installed successfully at (.+?)\.?\s*$/m)?.[1] ??
  join(
    Deno.env.get("XDG_DATA_HOME") ?? join(Deno.env.get("HOME") ?? "~", ".local", "share"),
    "jupyter",
    "kernels",
    "deno",
  );
const spec = join(dir, "kernel.json");
await patchKernelSpec(spec);
console.log(`Deno kernel registered: ${spec} (NO_COLOR=1, interrupt_mode=message)`);

async function has(cmd: string, args: string[]): Promise<boolean> {
  try {
    return (await new Deno.Command(cmd, { args, stdout: "null", stderr: "null" }).output()).success;
  } catch {
    return false;
  }
}

const candidates: [string, string[]][] = [
  ["jupyter-lab", []],
  ["jupyter", ["lab"]],
  ["jupyter-notebook", []],
  ["jupyter", ["notebook"]],
];
for (const [cmd, sub] of candidates) {
  if (await has(cmd, [...sub, "--version"])) {
    const args = jupyterArgs(sub, join(ROOT, "notebooks"), Deno.uid());
    console.log(`Opening ${[cmd, ...args].join(" ")} …`);
    const child = new Deno.Command(cmd, {
      args,
      cwd: join(ROOT, "notebooks"),
    })
      .spawn();
    Deno.exit((await child.status).code);
  }
}
console.log(`Jupyter is not installed. Install one of:
  - JupyterLab:        pipx install jupyterlab        (Debian/Ubuntu: sudo apt-get install pipx first;
                       or in a venv: python3 -m venv ~/.venvs/jl && ~/.venvs/jl/bin/pip install jupyterlab,
                       then put ~/.venvs/jl/bin on PATH)
  - Classic notebook:  sudo apt-get install jupyter-notebook   (Debian/Ubuntu)
  - VS Code with the Jupyter extension: open a notebook and pick the "Deno" kernel.
Then run "deno task lab" again. Headless runs need only: sudo apt-get install python3-nbclient python3-nbconvert`);
Deno.exit(1);
