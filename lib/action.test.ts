import { describe, expect, it } from "vitest";
import { formFields } from "./action";

describe("formFields", () => {
  it("reads FormData as strings and leaves React's own fields out", () => {
    const fd = new FormData();
    fd.set("name", "X");
    fd.set("$ACTION_ID_abc", "");
    fd.set("file", new Blob(["x"]));
    expect(formFields(fd)).toEqual({ ok: true, fields: { name: "X" } });
  });
});
