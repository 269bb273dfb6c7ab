import { invalidRequest, missingParam, unknownParam } from "./errors";
import type { FormObject, FormValue } from "./form";

const INTEGER = /^-?\d+$/;

/** Reads decoded form parameters and reports problems with Stripe's messages and `param` paths. */
export class Params {
  constructor(
    private readonly values: FormObject,
    private readonly path = "",
  ) {}

  name(key: string): string {
    return this.path ? `${this.path}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.values[key] !== undefined;
  }

  allowOnly(keys: readonly string[]): this {
    for (const key of Object.keys(this.values)) {
      if (!keys.includes(key)) throw unknownParam(this.name(key));
    }
    return this;
  }

  /** Stripe treats an empty string as "not set". */
  string(key: string, { maxLength = 5_000 }: { maxLength?: number } = {}): string | undefined {
    const value = this.values[key];
    if (value === undefined || value === "") return undefined;
    if (typeof value !== "string")
      throw invalidRequest(`Invalid string: ${preview(value)}`, { param: this.name(key) });
    if (value.length > maxLength) {
      throw invalidRequest(`Invalid string: must be at most ${maxLength} characters`, {
        param: this.name(key),
      });
    }
    return value;
  }

  requiredString(key: string, options?: { maxLength?: number }): string {
    const value = this.string(key, options);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  integer(key: string, { min, max }: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.string(key);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!INTEGER.test(raw) || !Number.isSafeInteger(value)) {
      throw invalidRequest(`Invalid integer: ${raw}`, { param: this.name(key) });
    }
    if (min !== undefined && value < min) {
      throw invalidRequest(`This value must be greater than or equal to ${min}.`, { param: this.name(key) });
    }
    if (max !== undefined && value > max) {
      throw invalidRequest(`This value must be less than or equal to ${max}.`, { param: this.name(key) });
    }
    return value;
  }

  object(key: string): Params | undefined {
    const value = this.values[key];
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string" || Array.isArray(value)) {
      throw invalidRequest(`Invalid object`, { param: this.name(key) });
    }
    return new Params(value, this.name(key));
  }

  objectList(key: string): Params[] {
    const value = this.values[key];
    if (value === undefined || value === "") return [];
    if (!Array.isArray(value)) throw invalidRequest("Invalid array", { param: this.name(key) });
    return value.map((item, index) => {
      const name = `${this.name(key)}[${index}]`;
      if (typeof item === "string" || Array.isArray(item))
        throw invalidRequest("Invalid object", { param: name });
      return new Params(item, name);
    });
  }

  stringList(key: string): string[] {
    const value = this.values[key];
    if (value === undefined || value === "") return [];
    if (!Array.isArray(value)) throw invalidRequest("Invalid array", { param: this.name(key) });
    return value.map((item, index) => {
      if (typeof item !== "string") {
        throw invalidRequest(`Invalid string: ${preview(item)}`, { param: `${this.name(key)}[${index}]` });
      }
      return item;
    });
  }

  /** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
  metadata(key = "metadata"): Record<string, string> {
    const value = this.values[key];
    if (value === undefined || value === "") return {};
    if (typeof value === "string" || Array.isArray(value)) {
      throw invalidRequest("Invalid object", { param: this.name(key) });
    }
    const entries: [string, string][] = [];
    for (const [name, item] of Object.entries(value)) {
      const param = `${this.name(key)}[${name}]`;
      if (typeof item !== "string") throw invalidRequest(`Invalid string: ${preview(item)}`, { param });
      if (name.length > 40) {
        throw invalidRequest("Metadata keys can have up to 40 characters.", { param });
      }
      if (item.length > 500) {
        throw invalidRequest("Metadata values can have up to 500 characters.", { param });
      }
      if (item !== "") entries.push([name, item]);
    }
    if (entries.length > 50)
      throw invalidRequest("Metadata can have up to 50 keys.", { param: this.name(key) });
    // fromEntries defines own properties, so a `__proto__` key stays plain data.
    return Object.fromEntries(entries);
  }
}

function preview(value: FormValue): string {
  return JSON.stringify(value).slice(0, 100);
}
