/**
 * The two editions of a notebook. A cell whose metadata has the tag `teacher`
 * (`"metadata": {"tags": ["teacher"]}`; in JupyterLab: the property inspector's "Cell tags") belongs to the
 * **teacher edition** only: the worked answers of the course's exercises, graded by the exercises
 * themselves. The **student edition** is the notebook without those cells; it still checks a student's
 * answers through `exercise(...)` and `check(answer)`.
 *
 * - `deno task notebooks` and `deno test` execute and render the student edition (`out/`, `out/test/`);
 *   `deno task notebooks --teacher` the teacher edition (`out/teacher/`).
 * - The committed notebook (`notebooks/`) is the teacher's master with both: hand students the student
 *   edition (`out/course/*.ipynb` or `.html`), not the master.
 * - A teacher cell only shows: it declares no name a later cell could need (tests/notebooks_test.ts
 *   checks), so the student edition runs the same cells with the same outputs.
 *
 * tools/run_notebooks.py applies the same rule when it executes a notebook (`--edition`).
 * @module
 */

/** The tag of cells that belong to the teacher edition only. */
export const TEACHER_TAG = "teacher";

/** The editions: the student's (teacher cells removed) and the teacher's (every cell). */
export type Edition = "student" | "teacher";

/** A notebook cell as far as the tools read it. */
export interface NotebookCell {
  readonly cell_type: string;
  readonly id?: string;
  readonly source: string | readonly string[];
  readonly metadata?: { readonly tags?: readonly string[]; readonly [key: string]: unknown };
  readonly outputs?: readonly unknown[];
  readonly [key: string]: unknown;
}

/** A notebook as far as the tools read it. */
export interface NotebookJson {
  readonly cells: readonly NotebookCell[];
  readonly [key: string]: unknown;
}

/** The source of a cell as one string. */
export function sourceOf(cell: NotebookCell): string {
  return typeof cell.source === "string" ? cell.source : cell.source.join("");
}

/** Is this cell tagged for the teacher edition only? */
export function isTeacherCell(cell: NotebookCell): boolean {
  return (cell.metadata?.tags ?? []).includes(TEACHER_TAG);
}

/** The notebook of an edition: the student edition drops the teacher cells, the teacher edition keeps all. */
export function editionOf<T extends NotebookJson>(nb: T, edition: Edition): T {
  if (edition === "teacher") return nb;
  return { ...nb, cells: nb.cells.filter((c) => !isTeacherCell(c)) };
}
