import assert from "node:assert/strict";
import { editionOf, isTeacherCell, type NotebookJson, sourceOf, TEACHER_TAG } from "../../tools/editions.ts";

const nb: NotebookJson = {
  cells: [
    { cell_type: "markdown", source: ["# Lesson\n", "text"], metadata: {} },
    { cell_type: "code", source: "ex11(undefined);", metadata: {} },
    { cell_type: "markdown", source: "**Teacher edition**", metadata: { tags: [TEACHER_TAG] } },
    { cell_type: "code", source: "ex11(42);", metadata: { tags: ["other", TEACHER_TAG] } },
    { cell_type: "code", source: "1", metadata: { tags: ["teachers"] } }, // not the tag
  ],
  metadata: { kernelspec: { name: "deno" } },
};

Deno.test("editions: the student edition drops the cells tagged teacher, the teacher edition keeps all", () => {
  assert.equal(TEACHER_TAG, "teacher");
  assert.deepEqual(nb.cells.map(isTeacherCell), [false, false, true, true, false]);
  const student = editionOf(nb, "student");
  assert.deepEqual(student.cells.map(sourceOf), ["# Lesson\ntext", "ex11(undefined);", "1"]);
  assert.deepEqual(student.metadata, nb.metadata);
  assert.equal(editionOf(nb, "teacher"), nb);
  assert.equal(nb.cells.length, 5, "the notebook itself is unchanged");
});
