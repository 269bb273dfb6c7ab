"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import { ProductImage } from "@/components/ui/product-image";
import type { ActionState, FormAction } from "@/lib/action";
import { heroImageFor } from "@/lib/hero/image";
import { ConfirmForm } from "./confirm-submit";

export interface HeroTargetOptions {
  /** `imageUrl`: the image a hero shows when the marketer leaves the image empty (its product's first). */
  sales: { id: string; name: string; when: string; imageUrl: string | null }[];
  products: { id: number; name: string; imageUrl: string | null }[];
}

/** The image of `sale:<id>` or `product:<id>`, as the options list it. */
function targetImage(targets: HeroTargetOptions, target: string): string | null {
  const [kind, id] = target.split(":");
  const list: { id: string | number; imageUrl: string | null }[] =
    kind === "sale" ? targets.sales : kind === "product" ? targets.products : [];
  return list.find((t) => String(t.id) === id)?.imageUrl ?? null;
}

export interface HeroImageChoice {
  url: string;
  label: string;
  group: string;
}

/**
 * One store day's hero: what it shows (a sale or a product, one select so never both), the headline, a picture
 * from the store's own images, and the call to action. A new entry for a day that already has one is refused
 * by the server with a message; editing keeps the entry's id.
 */
export function HeroEntryForm<T extends { message: string }>({
  action,
  initial,
  targets,
  images,
  entryId,
  requestKey,
  zone,
}: {
  action: FormAction<T>;
  initial: Record<string, string>;
  targets: HeroTargetOptions;
  images: HeroImageChoice[];
  entryId: number | null;
  requestKey: string;
  zone: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { v, errors, field, formProps } = useEchoedForm(state, initial);
  const [imageUrl, setImageUrl] = useState(v("imageUrl"));
  const [target, setTarget] = useState(v("target"));
  const shown = heroImageFor({ chosen: imageUrl, targetImage: targetImage(targets, target) });
  const groups = [...new Set(images.map((i) => i.group))];

  return (
    <form {...formProps(formAction)} className="space-y-4" data-testid="hero-entry-form">
      {entryId !== null ? <input type="hidden" name="entryId" value={entryId} /> : null}
      <input type="hidden" name="requestKey" value={requestKey} />
      <div className="grid gap-4">
        <InputField
          label={
            <>
              Store day <span className="font-normal text-ink-500">({zone})</span>
            </>
          }
          {...field("storeDay")}
          type="date"
          hint="The day runs from midnight to midnight in the store's zone."
        />
        <SelectField label="Show" {...field("target")} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">Choose a sale or a product…</option>
          <optgroup label="Sales">
            {targets.sales.map((s) => (
              <option key={s.id} value={`sale:${s.id}`}>
                {s.name} ({s.when})
              </option>
            ))}
          </optgroup>
          <optgroup label="Products">
            {targets.products.map((p) => (
              <option key={p.id} value={`product:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
        </SelectField>
      </div>
      <InputField
        label="Headline"
        {...field("headline")}
        maxLength={120}
        hint="The big line of the hero, up to 120 characters."
      />
      <div className="grid grid-cols-[minmax(0,1fr)_5.5rem] items-start gap-4">
        <SelectField
          label="Image"
          name="imageUrl"
          // Uncontrolled, so the reset after a refused submit keeps the echoed choice (see SaleForm).
          defaultValue={v("imageUrl")}
          onChange={(e) => setImageUrl(e.currentTarget.value)}
          errors={errors.imageUrl}
          hint={imageUrl ? undefined : "The chosen sale's or product's own picture."}
        >
          <option value="">Same as the sale or product</option>
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {images
                .filter((i) => i.group === group)
                .map((i) => (
                  <option key={i.url} value={i.url}>
                    {i.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <ProductImage
          src={shown}
          size={88}
          className="h-22 w-22 rounded-lg border border-ink-200 bg-ink-50 object-contain p-1"
        />
      </div>
      <div className="grid gap-4">
        <InputField label="Button label" {...field("ctaLabel")} maxLength={40} />
        <InputField
          label="Button link (optional)"
          {...field("ctaHref")}
          maxLength={300}
          placeholder="/sales/… or /products/…"
          hint="Leave empty to link to the sale's or product's page."
        />
      </div>
      <div className="flex flex-col-reverse gap-3 border-t border-ink-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <FormMessage state={state} />
        <Button type="submit" size="console" pending={pending} pendingLabel="Saving…">
          {entryId !== null ? "Save changes" : "Schedule hero"}
        </Button>
      </div>
    </form>
  );
}

/** Removes a day's entry (after asking once), so the homepage falls back to the running or next sale. */
export function RemoveHeroEntryForm<T extends { message: string }>({
  action,
  entryId,
  dayLabel,
}: {
  action: FormAction<T>;
  entryId: number;
  dayLabel: string;
}) {
  return (
    <ConfirmForm
      action={action}
      hidden={{ entryId }}
      ask="Remove entry…"
      confirm={`Yes, remove the hero of ${dayLabel}`}
      cancel="Cancel"
      pendingLabel="Removing…"
    />
  );
}
