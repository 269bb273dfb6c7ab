"use client";

import { type InputHTMLAttributes, type ReactNode, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateTimeField, InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import { RadioCard } from "@/components/ui/radio-card";
import type { ActionState, FormAction } from "@/lib/action";
import {
  PER_ACCOUNT_LIMIT_DEFAULT,
  PER_ACCOUNT_LIMIT_MAX,
  PER_ACCOUNT_LIMIT_MIN,
  REMINDER_MINUTES_DEFAULT,
  REMINDER_MINUTES_MAX,
  WAITLIST_OFFER_MINUTES_DEFAULT,
  WAITLIST_OFFER_MINUTES_MAX,
  WAITLIST_OFFER_MINUTES_MIN,
} from "@/lib/limits";
import { formatMoney } from "@/lib/money";
import { TIERS } from "@/lib/points/rules";
import {
  CONFIRM_EVERYDAY_PRICE_FIELD,
  CONFIRM_EVERYDAY_PRICE_LABEL,
  skuField,
} from "@/lib/sales/draft-fields";

import { Card } from "./ui";

export interface SaleFormSku {
  id: number;
  code: string;
  label: string;
  listPriceMinor: number;
  /** The catalogue's everyday price: a sale price at or above it needs the confirmation box ticked. */
  everydayPriceMinor: number;
  currency: string;
  /** Catalogue stock (create) or units free in the sale (edit), for context only. */
  available: number;
  held?: number;
  sold?: number;
}

export interface SaleFormProduct {
  id: number;
  name: string;
  skus: SaleFormSku[];
}

/** Initial text of every field, as the server prepared it (times already in the store's zone). */
export type SaleFormValues = Record<string, string>;

export interface SaleFormLocks {
  /** Start, registration window, prices and the set of versions. */
  started: boolean;
  startedAt?: string;
  /** The smallest quantity each version may have right now (held + sold), by SKU id. */
  floors?: Record<number, number>;
  /**
   * Registration has closed (or the draw ran): who may register and, for a draw, its close and window to pay are
   * locked (lib/sales/edit-policy.ts). `rulesLockNote` says why.
   */
  rulesLocked?: boolean;
  rulesLockNote?: string;
  /** Why the early-access lane can no longer change (it opened, or the sale started); absent: it can. */
  earlyAccess?: string;
  /** A draw: no lane at all. */
  draw?: boolean;
}

function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

/** The sale's four times in form order; all but the end lock once the sale has started. */
const TIME_FIELDS = [
  { name: "registrationOpensAt", label: "Registration opens", lockable: true },
  {
    name: "registrationClosesAt",
    label: "Registration closes",
    lockable: true,
    hint: "At or before the start.",
  },
  { name: "startsAt", label: "Sale starts", lockable: true },
  { name: "endsAt", label: "Sale ends", lockable: false },
] as const;

function SaleTimesCard({
  zone,
  field: bind,
  locked,
  lockNote,
  closeLockNote,
}: {
  zone: string;
  field: (name: string) => { name: string; defaultValue: string; errors: string[] | undefined };
  locked: boolean;
  lockNote: string | undefined;
  /** A draw past its commitment point: registration's close is locked (even before the start). */
  closeLockNote: string | undefined;
}) {
  return (
    <Card title={`Times (${zone})`} titleId="sale-times">
      <p className="mb-4 text-sm text-ink-600">
        Every time is a wall-clock time in the store's zone, <strong>{zone}</strong>, whatever your computer
        is set to. When the clocks go back, a time that happens twice means the first.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {TIME_FIELDS.map((field) => {
          const note =
            field.name === "registrationClosesAt" && closeLockNote && !locked ? closeLockNote : undefined;
          return (
            <DateTimeField
              key={field.name}
              label={field.label}
              {...bind(field.name)}
              zone={zone}
              readOnly={field.lockable ? locked || note !== undefined : undefined}
              hint={
                field.lockable ? (note ?? lockNote ?? ("hint" in field ? field.hint : undefined)) : undefined
              }
            />
          );
        })}
      </div>
    </Card>
  );
}

/** Tiers a sale may require (the first tier is every fan). */
const REQUIRED_TIERS = TIERS.slice(1).map((t) => t.name);

/**
 * First come or a draw (with the winners' window to pay), and who may register. The kind is chosen at creation
 * only (a draw's seed is committed then); the rest can change until registration closes, then shows locked.
 */
function SaleRulesCard({
  mode,
  zone,
  field: bind,
  v,
  locked,
  lockNote,
}: {
  mode: "create" | "edit";
  zone: string;
  field: (name: string) => { name: string; defaultValue: string; errors: string[] | undefined };
  v: (name: string) => string;
  locked: boolean;
  lockNote: string | undefined;
}) {
  const [kind, setKind] = useState(v("kind") || "first_come");
  const tier = v("minTier");
  return (
    <Card title="Who gets the units" titleId="sale-rules">
      {mode === "edit" ? (
        <p className="mb-4 text-sm text-ink-600" data-testid="sale-rules-kind">
          {kind === "draw"
            ? "Draw: registered fans are drawn when registration closes; each winner has a window to pay."
            : "First come: registered fans buy at the start, until the units run out."}{" "}
          {locked
            ? lockNote
            : "Chosen when the sale was created. The rest can change until registration closes; fans already registered keep their registration."}
        </p>
      ) : null}
      {mode === "create" ? <SaleKindChoice kind={kind} setKind={setKind} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {kind === "draw" ? (
          <InputField
            label="Winners' window to pay (minutes)"
            {...bind("purchaseWindowMinutes")}
            defaultValue={v("purchaseWindowMinutes") || "60"}
            type="number"
            inputMode="numeric"
            min={5}
            max={10080}
            step={1}
            readOnly={locked}
            hint="Each winner's unit is held this long; unpaid units go to the next entries in drawn order."
          />
        ) : null}
        <DateTimeField
          label="Only accounts created before"
          {...bind("eligibleCreatedBefore")}
          zone={zone}
          readOnly={locked}
          hint="Optional. Leave empty to let any account register."
        />
        {locked ? (
          <>
            <input type="hidden" name="minTier" value={tier} />
            <InputField
              label="Only Kite Club tier and above"
              name="minTierShown"
              defaultValue={tier ? `${tier} and above` : "Any fan"}
              readOnly
              errors={bind("minTier").errors}
            />
          </>
        ) : (
          <SelectField label="Only Kite Club tier and above" {...bind("minTier")}>
            <option value="">Any fan</option>
            {REQUIRED_TIERS.map((t) => (
              <option key={t} value={t}>
                {t} and above
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </Card>
  );
}

/** Create only: the radio pair choosing first come or a draw. */
function SaleKindChoice({ kind, setKind }: { kind: string; setKind: (kind: string) => void }) {
  return (
    <fieldset className="mb-4">
      <legend className="mb-2 text-sm font-medium text-ink-900">How fans get a unit</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {(
          [
            ["first_come", "First come", "Registered fans buy at the start, until the units run out."],
            [
              "draw",
              "Draw",
              "Registered fans are drawn when registration closes; each winner has a window to pay. One version only.",
            ],
          ] as const
        ).map(([value, label, hint]) => (
          <RadioCard
            key={value}
            name="kind"
            value={value}
            checked={kind === value}
            onChange={() => setKind(value)}
            className="gap-3 p-3 text-sm"
            inputClassName="mt-0.5"
          >
            <span>
              <span className="block font-medium text-ink-900">{label}</span>
              <span className="text-ink-600">{hint}</span>
            </span>
          </RadioCard>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The Kite Club early-access lane (lib/sales/early-access.ts): fans of a tier and above may buy a number of
 * minutes before the public start, from a quota of the sale's units. Locked once the lane has opened.
 */
function EarlyAccessCard({
  field: bind,
  v,
  lockNote,
}: {
  field: (name: string) => { name: string; defaultValue: string; errors: string[] | undefined };
  v: (name: string) => string;
  lockNote?: string | undefined;
}) {
  const [tier, setTier] = useState(v("earlyAccessTier"));
  const errorsOf = (...names: string[]) => names.flatMap((n) => bind(n).errors ?? []);
  if (lockNote) {
    return (
      <Card title="Kite Club early access" titleId="sale-early-access">
        {["earlyAccessTier", "earlyAccessMinutes", "earlyAccessQuota"].map((name) => (
          <input key={name} type="hidden" name={name} value={v(name)} />
        ))}
        <p className="text-sm text-ink-700" data-testid="early-access-summary">
          {v("earlyAccessTier")
            ? `${v("earlyAccessTier")} and above, ${v("earlyAccessMinutes")} minutes before the start, ${v("earlyAccessQuota")} units.`
            : "No early access."}{" "}
          <span className="text-ink-500">{lockNote}</span>
        </p>
        {errorsOf("earlyAccessTier", "earlyAccessMinutes", "earlyAccessQuota").map((message) => (
          <p key={message} className="mt-2 text-sm font-medium text-accent-700">
            {message}
          </p>
        ))}
      </Card>
    );
  }
  return (
    <Card title="Kite Club early access" titleId="sale-early-access">
      <p className="mb-4 text-sm text-ink-600">
        Optional. Fans of a tier and above may buy this many minutes before the public start, from a quota
        carved out of the sale&apos;s units. Whatever the lane does not sell goes on sale to everyone at the
        start.
      </p>
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          label="Early access for"
          {...bind("earlyAccessTier")}
          onChange={(e) => setTier(e.currentTarget.value)}
        >
          <option value="">No early access</option>
          {REQUIRED_TIERS.map((t) => (
            <option key={t} value={t}>
              {t} and above
            </option>
          ))}
        </SelectField>
        <InputField
          label="Minutes before the start"
          {...bind("earlyAccessMinutes")}
          defaultValue={v("earlyAccessMinutes") || "10"}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          step={1}
          disabled={!tier}
        />
        <InputField
          label="Units for the lane"
          {...bind("earlyAccessQuota")}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          disabled={!tier}
          hint="At most the sale's units; counted across its versions."
        />
      </div>
    </Card>
  );
}

/** The explicit consent a sale price at or above the everyday price needs (the rule: lib/sales/draft.ts). */
function ConfirmEverydayPrice({ checked }: { checked: boolean }) {
  return (
    <label className="mt-4 flex items-start gap-3 rounded-lg border border-ink-200 p-3 text-sm">
      <input
        type="checkbox"
        name={CONFIRM_EVERYDAY_PRICE_FIELD}
        defaultChecked={checked}
        className="mt-0.5 h-4 w-4 accent-accent-600"
      />
      <span>
        <span className="block font-medium text-ink-900">{CONFIRM_EVERYDAY_PRICE_LABEL}</span>
        <span className="text-ink-600">
          A sale is a discount: tick this only if a version is meant to sell at its everyday price or above.
        </span>
      </span>
    </label>
  );
}

/**
 * The sale form, for creating (product, address and status chosen here) and for editing (the product and the
 * address are fixed; once the sale has started its start, registration window, versions and prices are shown
 * locked). Every input is uncontrolled with the server's values as defaults; after a refused submit the action
 * echoes what was typed, so nothing is lost.
 */
export function SaleForm<T extends { message: string }>({
  mode,
  action,
  products,
  initial,
  zone,
  locks = { started: false },
  requestKey,
}: {
  mode: "create" | "edit";
  action: FormAction<T>;
  products: SaleFormProduct[];
  initial: SaleFormValues;
  zone: string;
  locks?: SaleFormLocks;
  requestKey?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { v, errors, field, formProps } = useEchoedForm(state, initial);
  const [productId, setProductId] = useState(v("productId"));
  const [slugTouched, setSlugTouched] = useState(mode === "edit" || v("slug") !== "");
  const [slug, setSlug] = useState(v("slug"));
  const product = products.find((p) => String(p.id) === productId);
  const locked = locks.started;
  const lockNote = locked ? `Locked: the sale started ${locks.startedAt ?? ""}.` : undefined;

  return (
    <form {...formProps(formAction)} className="space-y-6" data-testid={`sale-form-${mode}`}>
      {requestKey ? <input type="hidden" name="requestKey" value={requestKey} /> : null}
      {mode === "edit" ? <input type="hidden" name="saleId" value={v("saleId")} /> : null}

      <Card title="Basics" titleId="sale-basics">
        <div className="grid gap-4 md:grid-cols-2">
          <InputField
            label="Name"
            {...field("name")}
            maxLength={120}
            required
            onChange={(e) => {
              if (!slugTouched) setSlug(slugify(e.currentTarget.value));
            }}
          />
          {mode === "create" ? (
            <InputField
              label="Web address"
              name="slug"
              value={slug}
              onChange={(e) => {
                setSlugTouched(true);
                setSlug(e.currentTarget.value);
              }}
              maxLength={80}
              required
              errors={errors.slug}
              hint={`The sale's page will be /sales/${slug || "…"}`}
            />
          ) : (
            <InputField
              label="Web address"
              name="slugShown"
              defaultValue={`/sales/${v("slug")}`}
              readOnly
              hint="Fixed once the sale exists: links to it may have been shared."
            />
          )}
          <div className="md:col-span-2">
            <TextAreaField
              label="Headline"
              {...field("headline")}
              maxLength={200}
              rows={2}
              hint="One line for the sale page and the homepage hero, e.g. “10,000 Kite 9 Pro at ¥500 off”."
            />
          </div>
          {mode === "create" ? (
            <SelectField
              label="Product"
              // Uncontrolled on purpose: React resets a form after its action, and a controlled select would
              // then show the placeholder while the versions below still belong to the chosen product.
              {...field("productId")}
              onChange={(e) => setProductId(e.currentTarget.value)}
              required
            >
              <option value="">Choose a product…</option>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <InputField label="Product" name="productShown" defaultValue={product?.name ?? ""} readOnly />
          )}
          <InputField
            label="Units per account"
            name="perAccountLimit"
            type="number"
            inputMode="numeric"
            min={PER_ACCOUNT_LIMIT_MIN}
            max={PER_ACCOUNT_LIMIT_MAX}
            step={1}
            defaultValue={v("perAccountLimit") || String(PER_ACCOUNT_LIMIT_DEFAULT)}
            errors={errors.perAccountLimit}
            hint={
              locked
                ? "Can only rise once the sale has started."
                : `${PER_ACCOUNT_LIMIT_MIN} to ${PER_ACCOUNT_LIMIT_MAX} units each fan may buy.`
            }
          />
          <InputField
            label="Waitlist offer (minutes)"
            name="waitlistOfferMinutes"
            type="number"
            inputMode="numeric"
            min={WAITLIST_OFFER_MINUTES_MIN}
            max={WAITLIST_OFFER_MINUTES_MAX}
            step={1}
            defaultValue={v("waitlistOfferMinutes") || String(WAITLIST_OFFER_MINUTES_DEFAULT)}
            errors={errors.waitlistOfferMinutes}
            hint="How long a unit that came back is held for the next fan on the waitlist before it passes on."
          />
          <InputField
            label="Reminder (minutes before the start)"
            name="reminderMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={REMINDER_MINUTES_MAX}
            step={1}
            defaultValue={v("reminderMinutes") || String(REMINDER_MINUTES_DEFAULT)}
            errors={errors.reminderMinutes}
            hint="Registered fans get a reminder mail this long before the start, sent at the mail service's rate. 0: none."
          />
        </div>
      </Card>

      <SaleTimesCard
        zone={zone}
        field={field}
        locked={locked}
        lockNote={lockNote}
        closeLockNote={locks.rulesLocked && v("kind") === "draw" ? locks.rulesLockNote : undefined}
      />

      <SaleRulesCard
        mode={mode}
        zone={zone}
        field={field}
        v={v}
        locked={locks.rulesLocked ?? false}
        lockNote={locks.rulesLockNote}
      />

      {locks.draw ? null : <EarlyAccessCard field={field} v={v} lockNote={locks.earlyAccess} />}

      <Card title="Versions, quantities and prices" titleId="sale-skus">
        {errors.skus ? (
          <p className="mb-3 text-sm font-medium text-accent-700" id="skus-error">
            {errors.skus.join(" ")}
          </p>
        ) : null}
        {!product ? (
          <p className="text-sm text-ink-600">Choose a product to list its versions.</p>
        ) : (
          <div className="relative -mx-5 overflow-x-auto">
            <table
              className="w-full min-w-[36rem] text-left text-sm"
              aria-describedby={errors.skus ? "skus-error" : undefined}
            >
              <caption className="sr-only">Versions of {product.name} in this sale</caption>
              <thead className="border-b border-ink-200 text-xs tracking-wide whitespace-nowrap text-ink-500 uppercase">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">
                    In sale
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Version
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {mode === "edit" ? "Held / sold" : "In stock"}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Units in sale
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    Sale price ({product.skus[0]?.currency ?? ""})
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {product.skus
                  // Once started the versions are fixed: only those in the sale are listed.
                  .filter((sku) => !locked || initial[skuField(sku.id, "include")] === "on")
                  .map((sku) => {
                    const include = skuField(sku.id, "include");
                    const quantity = skuField(sku.id, "quantity");
                    const price = skuField(sku.id, "price");
                    const included = v(include) === "on";
                    const floor = locks.floors?.[sku.id] ?? 0;
                    const qErrors = errors[quantity];
                    const pErrors = errors[price];
                    return (
                      <tr key={sku.id} className="align-top">
                        <td className="px-5 py-3">
                          {locked ? (
                            <>
                              {included ? <input type="hidden" name={include} value="on" /> : null}
                              <input
                                type="checkbox"
                                checked={included}
                                disabled
                                aria-label={`${sku.label} in sale (locked)`}
                                className="h-4 w-4 accent-accent-600"
                              />
                            </>
                          ) : (
                            <input
                              type="checkbox"
                              name={include}
                              defaultChecked={included}
                              aria-label={`Include ${sku.label}`}
                              className="h-4 w-4 accent-accent-600"
                            />
                          )}
                        </td>
                        <th scope="row" className="min-w-44 px-3 py-3 font-medium text-ink-900">
                          {sku.label}
                          <span className="block text-xs font-normal break-all text-ink-500">{sku.code}</span>
                          <span className="block text-xs font-normal text-ink-500">
                            Everyday price {formatMoney(sku.everydayPriceMinor, sku.currency)}
                            {sku.listPriceMinor > sku.everydayPriceMinor
                              ? ` · list ${formatMoney(sku.listPriceMinor, sku.currency)}`
                              : null}
                          </span>
                        </th>
                        <td className="px-3 py-3 text-ink-700 tabular-nums">
                          {mode === "edit"
                            ? `${(sku.held ?? 0).toLocaleString("en-US")} / ${(sku.sold ?? 0).toLocaleString("en-US")}`
                            : sku.available.toLocaleString("en-US")}
                        </td>
                        <td className="px-3 py-3">
                          <CellInput
                            name={quantity}
                            label={`Units of ${sku.label}`}
                            errors={qErrors}
                            type="number"
                            inputMode="numeric"
                            min={Math.max(1, floor)}
                            step={1}
                            defaultValue={v(quantity)}
                            className="w-28"
                            note={
                              floor > 0 ? (
                                <p className="mt-1 text-xs text-ink-500">
                                  At least {floor.toLocaleString("en-US")}
                                </p>
                              ) : null
                            }
                          />
                        </td>
                        <td className="px-5 py-3">
                          <CellInput
                            name={price}
                            label={`Sale price of ${sku.label}`}
                            errors={pErrors}
                            type="text"
                            inputMode="decimal"
                            defaultValue={v(price)}
                            readOnly={locked && included}
                            className="w-32 read-only:bg-ink-50 read-only:text-ink-600"
                          />
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        )}
        {product && !locked ? (
          <ConfirmEverydayPrice checked={v(CONFIRM_EVERYDAY_PRICE_FIELD) === "on"} />
        ) : null}
        <p className="mt-3 text-xs text-ink-500">
          {locked
            ? "The sale has started: prices and the versions are locked; a quantity can grow, or shrink down to the units already held or sold."
            : "Prices in the product's currency, e.g. 3999.00. Quantities are the batch for this sale, separate from catalogue stock."}
        </p>
      </Card>

      {mode === "create" ? (
        <fieldset className="rounded-xl border border-ink-200 bg-white p-5">
          <legend className="px-1 text-base font-semibold text-ink-900">Status</legend>
          {errors.status ? <p className="mb-2 text-sm text-accent-700">{errors.status.join(" ")}</p> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            {(
              [
                ["scheduled", "Schedule", "Fans see the sale and can register when registration opens."],
                ["draft", "Save as draft", "Only the console sees it until you schedule it."],
              ] as const
            ).map(([value, label, hint]) => (
              <label
                key={value}
                className="flex cursor-pointer gap-3 rounded-lg border border-ink-200 p-3 text-sm has-[:checked]:border-accent-600 has-[:checked]:ring-1 has-[:checked]:ring-accent-600"
              >
                <input
                  type="radio"
                  name="status"
                  value={value}
                  defaultChecked={(v("status") || "scheduled") === value}
                  className="mt-0.5 accent-accent-600"
                />
                <span>
                  <span className="block font-medium text-ink-900">{label}</span>
                  <span className="text-ink-600">{hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <div className="flex flex-col-reverse gap-3 border-t border-ink-200 pt-5 sm:flex-row sm:items-center sm:justify-between">
        <FormMessage state={state} />
        <Button type="submit" size="console" pending={pending} pendingLabel="Saving…">
          {mode === "create" ? "Create sale" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

/** A field inside a table row: its label for screen readers only, the input, an optional note, its errors. */
function CellInput({
  name,
  label,
  errors,
  note,
  className,
  ...input
}: {
  name: string;
  label: string;
  errors: string[] | undefined;
  note?: ReactNode;
  className: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "className" | "id">) {
  const id = `field-${name}`;
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={`rounded-lg border border-ink-300 px-2 py-1.5 tabular-nums aria-[invalid=true]:border-accent-600 ${className}`}
        {...input}
      />
      {note}
      {errors ? (
        <p id={`${id}-error`} className="mt-1 max-w-48 text-xs text-accent-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}
