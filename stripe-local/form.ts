import { invalidRequest } from "./errors";

/** A decoded Stripe form value: `a[b][0][c]=x` becomes `{ a: { b: [{ c: "x" }] } }`. */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

type Node = string | Map<string, Node>;

const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const MAX_DEPTH = 8;
const MAX_PAIRS = 2_000;

function splitKey(key: string): string[] {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1]) throw invalidRequest(`Invalid parameter name: ${key}`);
  const segments = [match[1]];
  for (const part of (match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)) segments.push(part[1] ?? "");
  if (segments.length > MAX_DEPTH) throw invalidRequest(`Parameter nested too deeply: ${key}`);
  return segments;
}

function toValue(node: Node, isRoot = false): FormValue {
  if (typeof node === "string") return node;
  const keys = [...node.keys()];
  if (!isRoot && keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => toValue(node.get(String(index)) as Node));
  }
  // A null prototype keeps keys such as `__proto__` inert.
  const out: FormObject = Object.create(null);
  for (const [key, child] of node) out[key] = toValue(child);
  return out;
}

/**
 * Decodes an `application/x-www-form-urlencoded` body the way Stripe does: bracketed keys nest, numeric
 * indexes and `[]` make arrays, and a repeated scalar key keeps its last value.
 */
export function parseStripeForm(body: string): FormObject {
  const root = new Map<string, Node>();
  let pairs = 0;
  for (const [rawKey, value] of new URLSearchParams(body)) {
    pairs += 1;
    if (pairs > MAX_PAIRS) throw invalidRequest("Too many parameters.");
    const segments = splitKey(rawKey);
    let parent = root;
    for (let i = 0; i < segments.length; i += 1) {
      const last = i === segments.length - 1;
      const segment = segments[i] === "" ? String(parent.size) : (segments[i] as string);
      const existing = parent.get(segment);
      if (last) {
        if (existing instanceof Map) throw invalidRequest(`Invalid parameter: ${rawKey}`, { param: rawKey });
        parent.set(segment, value);
      } else if (existing instanceof Map) {
        parent = existing;
      } else if (existing === undefined) {
        const child = new Map<string, Node>();
        parent.set(segment, child);
        parent = child;
      } else {
        throw invalidRequest(`Invalid parameter: ${rawKey}`, { param: rawKey });
      }
    }
  }
  return toValue(root, true) as FormObject;
}

/** Canonical JSON (sorted keys) so equal parameters compare equal whatever their order on the wire. */
export function canonicalJson(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as FormValue)}`).join(",")}}`;
}
